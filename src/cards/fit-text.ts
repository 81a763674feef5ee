/** Control characters other than tab and line feed: invisible, and six bytes each once escaped in JSON. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const ELLIPSIS = '…';

/** The bytes a text takes inside a JSON document as it goes over the wire: UTF-8 with JSON's escapes. */
export function jsonBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text), 'utf8') - 2;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * User text for a card whose size Teams limits: control characters dropped,
 * then cut to at most `maxBytes` (counted as they travel, see jsonBytes) at a
 * whole character, with "…" where it was cut. Characters count for nothing
 * here: 4,000 Chinese characters take 12,000 bytes, 4,000 quotes 8,000.
 */
export function fitText(text: string, maxBytes: number): { text: string; shortened: boolean } {
  const clean = text.replace(CONTROL, '');
  if (jsonBytes(clean) <= maxBytes) return { text: clean, shortened: false };
  const budget = maxBytes - jsonBytes(ELLIPSIS);
  let used = 0;
  let kept = '';
  // Every UTF-16 unit takes at least one byte, so the cut falls within the first maxBytes units.
  for (const { segment } of graphemes.segment(clean.slice(0, maxBytes))) {
    used += jsonBytes(segment);
    if (used > budget) break;
    kept += segment;
  }
  return { text: kept.trimEnd() + ELLIPSIS, shortened: true };
}
