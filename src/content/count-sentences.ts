// Abbreviations end with a full stop but do not end a sentence.
const ABBREVIATIONS = /\b(f\.eks|t\.d|bl\.a|tlf|e\.g|i\.e|osv|nr|ca|evt|dvs|m\.m|o\.l)\./gi;

/** Roughly how many sentences a text has: enough to keep answers short. */
export function countSentences(text: string): number {
  const plain = text.replace(ABBREVIATIONS, 'x').replace(/https:\/\/\S+/g, 'link');
  return Math.max(1, (plain.match(/[.!?…](?=\s|$)/g) ?? []).length);
}
