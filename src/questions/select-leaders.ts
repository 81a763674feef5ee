/**
 * The `count` best documents by value, ties by document number, best first:
 * what sorting all of them and taking the first `count` gives, without the
 * sort. A common word touches a hundred documents or more, and only the
 * leaders become results.
 */
export function selectLeaders(
  documents: ArrayLike<number> & Iterable<number>,
  values: Float64Array,
  count: number,
): number[] {
  const before = (a: number, b: number) =>
    (values[a] ?? 0) > (values[b] ?? 0) || ((values[a] ?? 0) === (values[b] ?? 0) && a < b);
  const leaders: number[] = [];
  if (count <= 0) return leaders;
  for (const document of documents) {
    const last = leaders[leaders.length - 1];
    if (leaders.length === count && last !== undefined && !before(document, last)) continue;
    if (leaders.length === count) leaders.pop();
    // Insertion from the back: most documents that get in belong near the end.
    let i = leaders.length;
    leaders.push(document);
    for (; i > 0 && before(document, leaders[i - 1] ?? 0); i--) leaders[i] = leaders[i - 1] ?? 0;
    leaders[i] = document;
  }
  return leaders;
}
