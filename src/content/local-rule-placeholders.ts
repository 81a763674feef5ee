/**
 * Placeholders that theme texts may use. Each one renders as a phrase that fits
 * the sentence whether or not the municipality has configured a local rule, so
 * a theme never shows an empty slot or a raw {placeholder}.
 */
export const PLACEHOLDERS = [
  'itSupport',
  'incidentSystem',
  'minPasswordLength',
  'approvedStorage',
  'secureChannel',
  'consentForm',
  'passwordChange',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER_PATTERN = /\{([A-Za-z]+)\}/g;

/** Names inside {…} in a text, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1] ?? '');
}

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** Replaces every known placeholder; unknown ones are left for the checks to catch. */
export function fillPlaceholders(text: string, values: Record<Placeholder, string>): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
}
