import { escapeHtml as esc } from './escape-html';

/** The drawing width: A4 minus 15 mm margins each side is 180 mm, about 680 CSS pixels. */
export const CHART_WIDTH = 680;
export const FONT_SIZE = 12;
export const INK = '#1a1a1a';

/**
 * Fills that stay apart in grayscale (five steps from dark to almost white), each
 * with the text colour that reads on it. Meaning never rests on the fill:
 * every bar has a text label or a legend entry in the same order.
 */
export const TONES = [
  { fill: '#1d3557', text: '#ffffff' },
  { fill: '#3d6a93', text: '#ffffff' },
  { fill: '#7fa6c6', text: INK },
  { fill: '#bcd3e6', text: INK },
  { fill: '#f4f6f8', text: INK },
] as const;

export const toneOf = (index: number) => TONES[index % TONES.length] ?? TONES[0];

/**
 * A generous width estimate for a label in the system sans-serif, so that
 * labels are placed where they fit; the browser test measures the real text.
 */
export const estimateWidth = (text: string, size = FONT_SIZE) => Math.ceil(text.length * size * 0.6);

export interface TextOptions {
  anchor?: 'start' | 'end' | 'middle';
  weight?: 'bold';
  italic?: boolean;
  fill?: string;
  className?: string;
}

export function svgText(x: number, y: number, text: string, options: TextOptions = {}): string {
  const attributes = [
    `x="${x}"`,
    `y="${y}"`,
    options.anchor && options.anchor !== 'start' ? `text-anchor="${options.anchor}"` : '',
    options.weight ? `font-weight="${options.weight}"` : '',
    options.italic ? 'font-style="italic"' : '',
    `fill="${options.fill ?? INK}"`,
    options.className ? `class="${options.className}"` : '',
  ].filter(Boolean);
  return `<text ${attributes.join(' ')}>${esc(text)}</text>`;
}

/** An accessible SVG: role img, a title and a description that screen readers announce. */
export function svgDocument(id: string, title: string, desc: string, height: number, body: string[]): string {
  return [
    `<svg class="chart" id="${esc(id)}" role="img" aria-labelledby="${esc(id)}-title ${esc(id)}-desc"`,
    ` viewBox="0 0 ${CHART_WIDTH} ${Math.ceil(height)}" font-size="${FONT_SIZE}">`,
    `<title id="${esc(id)}-title">${esc(title)}</title>`,
    `<desc id="${esc(id)}-desc">${esc(desc)}</desc>`,
    ...body,
    '</svg>',
  ].join('');
}
