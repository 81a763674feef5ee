import { StartupError } from '../startup-error';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkTheme } from './check-theme';
import { parseYamlWithSchema } from './parse-yaml-with-schema';
import { THEME_IDS, themeSchema, type Theme } from './theme-schema';

/** Thrown when a theme file is broken; the message names the file and the field. */
export class ThemeFileError extends StartupError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid theme file:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses and checks one theme file's text. Pure: the caller does the reading. */
export function parseTheme(file: string, source: string): Theme {
  const theme = parseYamlWithSchema(source, themeSchema, (problems) => new ThemeFileError(file, problems));
  const problems = checkTheme(theme).map((p) => `${p.field}: ${p.message}`);
  const expectedName = `${theme.id}.yaml`;
  if (path.basename(file) !== expectedName) problems.push(`id: file must be named ${expectedName}`);
  if (problems.length > 0) throw new ThemeFileError(file, problems);
  return theme;
}

/** Loads all ten themes from a folder, in the fixed campaign order. */
export function loadThemes(folder: string): Theme[] {
  return THEME_IDS.map((id) => {
    const file = path.join(folder, `${id}.yaml`);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      throw new ThemeFileError(file, [`the file is missing: every theme id (${THEME_IDS.join(', ')}) needs one`]);
    }
    return parseTheme(file, source);
  });
}
