import { StartupError } from '../startup-error';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { localRulesSchema, type LocalRules } from './local-rules-schema';
import { parseYamlWithSchema } from './parse-yaml-with-schema';

export class LocalRulesError extends StartupError {
  constructor(file: string, problems: string[]) {
    super(
      `The local rules file ${file} (LOCAL_RULES_FILE) needs fixing:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

/** An empty file, or one with only comments, sets nothing. */
const rulesOrNothing = z.preprocess((raw) => raw ?? {}, localRulesSchema);

/** Parses local rules from YAML or JSON text. */
export function parseLocalRules(file: string, source: string): LocalRules {
  return parseYamlWithSchema(source, rulesOrNothing, (problems) => new LocalRulesError(file, problems));
}

/** No file configured means no local rules: every text uses its general wording. */
export function loadLocalRules(file: string | undefined): LocalRules {
  if (!file) return {};
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new LocalRulesError(file, ['the file cannot be read: check the path in LOCAL_RULES_FILE, or leave it empty']);
  }
  return parseLocalRules(file, source);
}
