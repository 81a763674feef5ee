/** Reference numbers people can read on the phone: MF-2026-000123. */
export function formatReference(year: number, sequence: number): string {
  return `MF-${year}-${String(sequence).padStart(6, '0')}`;
}

export const REFERENCE_PATTERN = /^MF-\d{4}-\d{6,}$/;
