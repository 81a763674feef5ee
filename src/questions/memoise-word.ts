/**
 * Enough for the content and everyday questions. When full, the memo starts
 * over rather than grow with every odd word someone types.
 */
const MEMO_LIMIT = 50_000;

/**
 * Remembers a pure function of one word. The engine looks at the same few
 * thousand words again and again (in the content, and in questions: people
 * write "passord", "lenke" and "hvordan" every day), so stemming, compound
 * splitting and spelling correction are done once per word, not once per question.
 */
export function memoiseWord<T>(compute: (word: string) => T): (word: string) => T {
  const memo = new Map<string, T>();
  return (word) => {
    // One lookup for the usual case; a remembered undefined needs the second.
    const known = memo.get(word);
    if (known !== undefined || memo.has(word)) return known as T;
    const value = compute(word);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, value);
    return value;
  };
}
