import { escapeHtml as esc } from './escape-html';

export interface DataTable {
  caption: string;
  /** Column headings; the first heads the row labels. */
  columns: string[];
  rows: { label: string; cells: string[] }[];
}

/** The chart's figures as a table, for screen readers, for copying, and for anyone who prefers numbers. */
export function dataTable(table: DataTable): string {
  const head = table.columns.map((column) => `<th scope="col">${esc(column)}</th>`).join('');
  const rows = table.rows
    .map(
      (row) => `<tr><th scope="row">${esc(row.label)}</th>${row.cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table><caption>${esc(table.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody></table>`;
}

export interface FigureParts {
  heading: string;
  intro: string;
  /** A drawn chart (SVG), or nothing when there is nothing to draw. */
  chart?: string;
  table?: DataTable;
  /** Said under the chart, e.g. the median, or that there are no figures yet. */
  notes?: string[];
  className?: string;
}

/** One chart with its heading, a line on what it shows, and the same figures as a table. */
export function chartFigure(parts: FigureParts): string {
  return [
    parts.className ? `<figure class="${esc(parts.className)}">` : '<figure>',
    `<h3>${esc(parts.heading)}</h3>`,
    `<p class="lead">${esc(parts.intro)}</p>`,
    parts.chart ?? '',
    ...(parts.notes ?? []).map((note) => `<p class="note">${esc(note)}</p>`),
    parts.table && parts.table.rows.length > 0 ? dataTable(parts.table) : '',
    '</figure>',
  ]
    .filter(Boolean)
    .join('\n');
}
