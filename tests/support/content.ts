import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parseLocalRules } from '../../src/content/load-local-rules';
import { loadPulse } from '../../src/content/load-pulse';
import { loadThemes } from '../../src/content/load-themes';
import { createCardRenderer } from '../../src/cards/render-card';
import { CARDS_DIR, PROJECT_ROOT, THEMES_DIR } from '../../src/project-paths';

export const themes = loadThemes(THEMES_DIR);
export const pulse = loadPulse(THEMES_DIR);
export const render = createCardRenderer(CARDS_DIR);
const exampleFile = path.join(PROJECT_ROOT, 'themes', 'local-rules.example.yaml');
export const exampleRules = parseLocalRules(exampleFile, readFileSync(exampleFile, 'utf8'));
export const hostConfig = (name: 'teams-light' | 'teams-dark') =>
  JSON.parse(readFileSync(path.join(CARDS_DIR, 'host-config', `${name}.json`), 'utf8')) as object;
