const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Every value that goes into the report passes through here, in text and in
 * attributes alike: tenant ids, theme titles and catalogue text included, so
 * nothing in the data can ever become markup.
 */
export const escapeHtml = (value: string | number): string =>
  String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
