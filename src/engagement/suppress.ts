/** A figure as it may be shown: the number, or "suppressed" when it would describe too few people. */
export type Cell = number | 'suppressed';

export const isShown = (cell: Cell): cell is number => cell !== 'suppressed';

/** Primary suppression: a count of fewer than k distinct people is never shown. */
export const suppressCount = (people: number, k: number): Cell => (people < k ? 'suppressed' : people);

/**
 * A share such as "share correct": hidden when the group, the people in it or
 * the people outside it are fewer than k. Otherwise 90 % of 10 tells that one
 * person got it wrong. Rounded to whole percent, as a fraction.
 */
export function suppressShare(numerator: number, denominator: number, k: number): Cell {
  if (denominator < k || numerator < k || denominator - numerator < k) return 'suppressed';
  return Math.round((numerator / denominator) * 100) / 100;
}

/**
 * A total and the parts it is made of (e.g. check answers by option). Parts
 * under k are suppressed; then, while the suppressed parts together could be
 * worked out by subtraction and are fewer than k people (always the case with
 * exactly one suppressed part), the next smallest shown part is suppressed
 * too, so no small group can be recovered from the total.
 */
export function suppressPartition<K extends string>(
  parts: Record<K, number>,
  k: number,
): { total: Cell; parts: Record<K, Cell> } {
  const entries = Object.entries(parts) as [K, number][];
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const hidden = new Set<K>(
    total < k ? entries.map(([key]) => key) : entries.filter(([, n]) => n < k).map(([key]) => key),
  );
  const hiddenSum = () => entries.filter(([key]) => hidden.has(key)).reduce((sum, [, n]) => sum + n, 0);
  while (total >= k && hidden.size > 0 && hidden.size < entries.length && hiddenSum() < k) {
    const next = entries.filter(([key]) => !hidden.has(key)).sort((a, b) => a[1] - b[1])[0];
    if (!next) break;
    hidden.add(next[0]);
  }
  const shown = Object.fromEntries(entries.map(([key, n]) => [key, hidden.has(key) ? 'suppressed' : n]));
  return { total: suppressCount(total, k), parts: shown as Record<K, Cell> };
}

/**
 * A stage of a funnel, such as "committed" among those who interacted. The
 * people outside it can be worked out by subtraction from the stage it sits
 * in, so that difference must not be a small group either: "20 reached, 18
 * interacted" tells that 2 people ignored the nudge. `within` is the nearest
 * enclosing figure that is shown (a hidden one cannot be subtracted from);
 * as with shares, "everyone" (a difference of 0) is a small group too.
 */
export function suppressSubset(people: number, within: Cell | undefined, k: number): Cell {
  if (people < k) return 'suppressed';
  if (within !== undefined && isShown(within) && within - people < k) return 'suppressed';
  return people;
}

/** The nearest enclosing figure that is shown, innermost first. */
export const nearestShown = (...enclosing: Cell[]): Cell | undefined => enclosing.find(isShown);
