const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Control characters other than tab and line feed: they have no business in a report. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Text as inert HTML: every markup character escaped, control characters dropped. */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A user-supplied value as an HTML block: escaped, line breaks kept, and in a
 * bidi-isolated element so right-to-left text cannot reorder the text around it.
 */
export function userTextBlock(text: string): string {
  return `<div dir="auto" style="white-space:pre-wrap">${escapeHtml(text).replace(/\r?\n/g, '<br>')}</div>`;
}

/** A file name safe for an attachment: one line, no path, no bidi tricks, at most 150 characters. */
export function cleanFileName(name: string): string {
  const cleaned = name
    .replace(CONTROL, '')
    .replace(/[\r\n\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\\/]/g, '_')
    .trim()
    .slice(0, 150);
  return cleaned || 'attachment';
}
