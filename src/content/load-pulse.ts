import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from '../startup-error';
import { localizedStrings } from './check-theme';
import { parseYamlWithSchema } from './parse-yaml-with-schema';
import { pulseSchema, type PulseSurvey } from './pulse-schema';
import { findBokmalInNynorsk, findNynorskInBokmal } from './written-standard-lint';

/** The pulse lives next to the themes. */
export const PULSE_FILE_NAME = 'pulse.yaml';

/** Thrown when the pulse file is broken; the message names the file and the field. */
export class PulseFileError extends StartupError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid pulse file:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Checks beyond the schema. The pulse takes no local-rule placeholders: the
 * same words must be asked before and after, in every municipality.
 */
export function checkPulse(survey: PulseSurvey): string[] {
  const problems: string[] = [];
  for (const { path: field, language, text } of localizedStrings(survey)) {
    if (/[{}]|\$\{/.test(text)) problems.push(`${field}: the pulse takes no placeholders`);
    if (/https?:\/\//i.test(text)) problems.push(`${field}: the pulse takes no links`);
    const slips = language === 'nn' ? findBokmalInNynorsk(text) : language === 'nb' ? findNynorskInBokmal(text) : [];
    for (const slip of slips) problems.push(`${field}: "${slip.word}": ${slip.reason}`);
  }
  return problems;
}

/** Parses and checks the pulse file's text. Pure: the caller does the reading. */
export function parsePulse(file: string, source: string): PulseSurvey {
  const survey = parseYamlWithSchema(source, pulseSchema, (problems) => new PulseFileError(file, problems));
  const problems = checkPulse(survey);
  if (problems.length > 0) throw new PulseFileError(file, problems);
  return survey;
}

/** Loads themes/pulse.yaml (or the file in `folder`); a broken file stops start-up. */
export function loadPulse(folder: string): PulseSurvey {
  const file = path.join(folder, PULSE_FILE_NAME);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new PulseFileError(file, ['the file is missing: the pulse survey needs it']);
  }
  return parsePulse(file, source);
}
