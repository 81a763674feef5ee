import { isShown, type Cell } from '../engagement/suppress';
import { CHART_WIDTH, INK, estimateWidth, svgDocument, svgText, toneOf } from './svg-parts';

export interface BarRow {
  label: string;
  /** One cell per series. */
  cells: Cell[];
  /** Said after the value of a shown bar, e.g. a share that belongs to it. */
  note?: string;
}

export interface BarChartSpec {
  id: string;
  title: string;
  desc: string;
  /** One label per cell of a row; with several series, each bar carries its series label. */
  series: string[];
  rows: BarRow[];
  /** The value label: the number, or «færre enn k» for a suppressed cell. */
  count(cell: Cell): string;
}

const BAR = 14;
const GAP = 5;
const HEADING = 18;
const GROUP_GAP = 8;

/**
 * Horizontal bars from plain rows: grouped (several series per row, the
 * funnel) or simple (one per row, reports per month). One scale for the
 * whole chart. A suppressed cell draws no bar at all, only its text, so it
 * can never be read as a small number. Row labels go left of the bars when
 * they are short and there is one series, otherwise above each group.
 */
export function drawBarChart(spec: BarChartSpec): string {
  const multi = spec.series.length > 1;
  const labelsLeft = !multi && spec.rows.every((row) => estimateWidth(row.label) <= CHART_WIDTH * 0.3);
  const leftLabels = multi ? spec.series : labelsLeft ? spec.rows.map((row) => row.label) : [];
  const left = leftLabels.length > 0 ? Math.max(...leftLabels.map((label) => estimateWidth(label))) + 10 : 0;
  const valueLabel = (row: BarRow, cell: Cell) =>
    isShown(cell) && row.note ? `${spec.count(cell)} · ${row.note}` : spec.count(cell);
  const right = Math.max(0, ...spec.rows.flatMap((row) => row.cells.map((c) => estimateWidth(valueLabel(row, c))))) + 8;
  const room = CHART_WIDTH - left - right;
  const largest = Math.max(1, ...spec.rows.flatMap((row) => row.cells.filter(isShown)));

  const body: string[] = [];
  let y = 4;
  for (const row of spec.rows) {
    if (!labelsLeft) {
      body.push(svgText(0, y + 13, row.label, { weight: 'bold', className: 'row-label' }));
      y += HEADING;
    }
    row.cells.forEach((cell, index) => {
      const side = multi ? spec.series[index] : labelsLeft ? row.label : undefined;
      if (side) body.push(svgText(left - 8, y + 11, side, { anchor: 'end', className: 'bar-label' }));
      if (isShown(cell)) {
        const width = Math.max(1, (cell / largest) * room);
        const tone = toneOf(index);
        body.push(
          `<rect class="bar" data-value="${cell}" x="${left}" y="${y}" width="${width.toFixed(2)}" height="${BAR}"` +
            ` fill="${tone.fill}" stroke="${INK}" stroke-width="0.6"/>`,
          svgText(left + width + 6, y + 11, valueLabel(row, cell), { className: 'value' }),
        );
      } else {
        body.push(svgText(left + 2, y + 11, spec.count(cell), { italic: true, className: 'suppressed' }));
      }
      y += BAR + GAP;
    });
    if (!labelsLeft) y += GROUP_GAP;
  }
  return svgDocument(spec.id, spec.title, spec.desc, y + 2, body);
}
