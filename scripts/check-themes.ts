/** Checks theme files (and the pulse) and prints every problem: `npm run check:themes [-- file ...]`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePulse, PULSE_FILE_NAME, PulseFileError } from '../src/content/load-pulse';
import { parseTheme, ThemeFileError } from '../src/content/load-themes';
import { THEME_IDS } from '../src/content/theme-schema';

const folder = path.resolve(__dirname, '..', 'themes');
const files =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : [...THEME_IDS.map((id) => path.join(folder, `${id}.yaml`)), path.join(folder, PULSE_FILE_NAME)];

let failed = 0;
for (const file of files) {
  try {
    if (path.basename(file) === PULSE_FILE_NAME) {
      const pulse = parsePulse(file, readFileSync(file, 'utf8'));
      console.log(`ok   ${file} (${pulse.questions.length} pulse questions)`);
    } else {
      const theme = parseTheme(file, readFileSync(file, 'utf8'));
      console.log(`ok   ${file} (${theme.faq.length} FAQ entries)`);
    }
  } catch (error) {
    failed += 1;
    const known = error instanceof ThemeFileError || error instanceof PulseFileError;
    console.log(known ? error.message : `${file}: ${String(error)}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
