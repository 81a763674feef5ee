/**
 * Inline CSS: the report is one file that works offline, by e-mail and on
 * paper. System fonts only (no downloads). Grayscale-safe: meaning is in text
 * and labels, fills only help. Print: A4, 15 mm margins (the charts are drawn
 * for that 180 mm width), each municipality on a new page, no chart split.
 */
export const REPORT_CSS = `
:root { color: #1a1a1a; background: #ffffff; line-height: 1.45;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
body { margin: 0; }
main { max-width: 720px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.7rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; padding-top: 0.5rem; border-top: 2px solid #1a1a1a; overflow-wrap: anywhere; }
h3 { font-size: 1.1rem; margin: 0 0 0.25rem; }
p { margin: 0.4rem 0; }
.meta { color: #404040; }
.intro { border-left: 4px solid #1d3557; padding: 0.25rem 0 0.25rem 0.9rem; margin: 1rem 0; }
figure { margin: 1.75rem 0; break-inside: avoid; page-break-inside: avoid; }
figure.placeholder { border: 1px dashed #6b6b6b; padding: 0.75rem 1rem; }
.note { font-weight: 600; }
svg.chart { display: block; width: 100%; height: auto; margin: 0.5rem 0; overflow: visible; }
svg.chart text { font-family: inherit; }
table { border-collapse: collapse; width: 100%; margin-top: 0.75rem; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { border: 1px solid #8a8a8a; padding: 3px 6px; text-align: right; vertical-align: top; overflow-wrap: anywhere; }
th[scope="row"], thead th:first-child { text-align: left; font-weight: normal; }
thead th { background: #eef2f6; }
@page { size: A4; margin: 15mm; }
@media print {
  main { max-width: none; padding: 0; }
  .tenant + .tenant { break-before: page; }
  thead th { background: none; }
}
`;
