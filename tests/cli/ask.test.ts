import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { THEME_IDS } from '../../src/content/theme-schema';
import { PROJECT_ROOT } from '../../src/project-paths';

const run = promisify(execFile);
const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const ASK = path.join(PROJECT_ROOT, 'src', 'cli', 'ask.ts');

interface AskResult {
  question: string;
  theme: string | null;
  answer: string | null;
  score: number;
  kind: string;
  language: string;
  urgent: string | null;
}

/** Runs the CLI as tools do; stdout must be JSON lines and nothing else. */
async function ask(
  args: string[],
  input?: string,
  env: Record<string, string> = {},
  cwd = PROJECT_ROOT,
): Promise<AskResult[]> {
  const child = run(TSX, [ASK, ...args], { cwd, env: { ...process.env, ...env } });
  if (input !== undefined) child.child.stdin?.end(input);
  const { stdout } = await child;
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AskResult);
}

function expectContract(result: AskResult): void {
  expect(Object.keys(result)).toEqual(
    expect.arrayContaining(['question', 'theme', 'answer', 'score', 'kind', 'language', 'urgent']),
  );
  expect(result.theme === null || (THEME_IDS as readonly string[]).includes(result.theme)).toBe(true);
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(1);
  expect(result.answer === null).toBe(result.theme === null);
}

describe('npm run ask', () => {
  it('prints one JSON object for a question given as an argument', async () => {
    const results = await ask(['kan jeg lagre dette på OneDrive?']);
    expect(results).toHaveLength(1);
    expectContract(results[0] as AskResult);
    expect(results[0]).toMatchObject({ question: 'kan jeg lagre dette på OneDrive?', theme: 'data-storage' });
  });

  it('reads questions from stdin and prints one JSON object per line, in the same order', async () => {
    const questions = [
      'is Sommer2024! a good password?',
      'hva er det til lunsj i dag',
      '',
      'kva gjer eg om eg har trykt på lenka?',
    ];
    const results = await ask([], `${questions.join('\n')}\n`);
    expect(results.map((r) => r.question)).toEqual(questions);
    results.forEach(expectContract);
    expect(results.map((r) => r.theme)).toEqual(['passwords', null, null, 'login-via-links']);
    expect(results[3]).toMatchObject({ language: 'nn', urgent: 'clicked-link' });
  });

  it('uses the local rules in LOCAL_RULES_FILE', async () => {
    const rules = path.join(PROJECT_ROOT, 'themes', 'local-rules.example.yaml');
    const [result] = await ask(['jeg har glemt passordet mitt'], undefined, { LOCAL_RULES_FILE: rules });
    expect(result?.answer).toContain('Servicedesken');
  });

  it('reads LOCAL_RULES_FILE and DEFAULT_LANGUAGE from a .env file, as the bot does', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'refleks-ask-env-'));
    const rules = path.join(PROJECT_ROOT, 'themes', 'local-rules.example.yaml');
    writeFileSync(path.join(folder, '.env'), `DEFAULT_LANGUAGE=en\nLOCAL_RULES_FILE=${rules}\n`);
    try {
      // «mfa» alone does not tell the language, so the default decides.
      const [result] = await ask(['mfa'], undefined, {}, folder);
      expect(result).toMatchObject({ theme: 'two-factor', language: 'en' });
      const [rulesResult] = await ask(['jeg har glemt passordet mitt'], undefined, {}, folder);
      expect(rulesResult?.answer).toContain('Servicedesken');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
