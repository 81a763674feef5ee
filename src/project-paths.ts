import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder with package.json, whether we run from src/ (tsx, jest) or dist/src/ (node). */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`refleks: no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
export const THEMES_DIR = path.join(PROJECT_ROOT, 'themes');
export const CARDS_DIR = path.join(PROJECT_ROOT, 'cards');
