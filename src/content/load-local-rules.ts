import { StartupError } from '../startup-error';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { localRulesSchema, type LocalRules } from './local-rules-schema';

export class LocalRulesError extends StartupError {
  constructor(file: string, problems: string[]) {
    super(
      `The local rules file ${file} (LOCAL_RULES_FILE) needs fixing:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

/** Parses local rules from YAML or JSON text. */
export function parseLocalRules(file: string, source: string): LocalRules {
  let raw: unknown;
  try {
    raw = parse(source) ?? {};
  } catch (error) {
    throw new LocalRulesError(file, [`YAML syntax: ${(error as Error).message}`]);
  }
  const result = localRulesSchema.safeParse(raw);
  if (!result.success) {
    throw new LocalRulesError(
      file,
      result.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`),
    );
  }
  return result.data;
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
