const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * "YYYY-MM-DD HH:MM" in Norwegian time. The form's date and time pickers give
 * local time without a zone, and IT reads times the way the employee saw them.
 */
export function osloDateTime(date: Date): string {
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.formatToParts(date).find((p) => p.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export const osloYear = (date: Date): number => Number(osloDateTime(date).slice(0, 4));
