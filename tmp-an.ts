import { norwegian, english } from './tests/support/questions';
import { createWordLists, queryWords } from './src/questions/query-words';
for (const q of process.argv.slice(2)) for (const idx of [norwegian!, english!]) console.log(idx.stemmer, queryWords(idx, q, createWordLists(idx)).map((w) => `${w.forms[0]?.term}:${w.themes.join('/')}`).join(' '));
