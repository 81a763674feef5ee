/**
 * Builds the Teams app package that IT admins upload: `npm run package -- --env <name>`.
 * Fills every ${{NAME}} in appPackage/ from env/.env.<name> and the process environment
 * (process environment wins), validates offline against the schemas bundled with
 * @microsoft/app-manifest, and writes appPackage/build/appPackage.<name>.zip.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  findIconProblems,
  findUnknownLocalizationKeys,
  findUntranslatedCommands,
  httpsPageProblem,
  validateLocalization,
  validateManifest,
} from './lib/validate-app-package';
import { createZip } from './lib/write-zip';

const ROOT = path.resolve(__dirname, '..');
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_GUID = /^0{8}-0{4}-0{4}-0{4}-0{12}$/;
const GUID_VARIABLES = ['TEAMS_APP_ID', 'BOT_ID'] as const;
/** Where a GUID that is only a placeholder must come from instead. */
const GUID_SOURCES: Record<(typeof GUID_VARIABLES)[number], string> = {
  TEAMS_APP_ID: 'generate one once with node -e "console.log(crypto.randomUUID())" and keep it',
  BOT_ID: "copy the Application (client) ID of the bot's app registration in Entra ID",
};
/** The pages on the app's About tab in Teams. */
const PAGE_VARIABLES = ['APP_WEBSITE_URL', 'APP_PRIVACY_URL', 'APP_TERMS_URL'] as const;

/** The parts of the manifest the build itself reads (after schema validation). */
interface PackageManifest {
  icons: { color: string; outline: string };
  localizationInfo?: { additionalLanguages?: { file: string }[] };
}

export interface BuildOptions {
  envName?: string;
  processEnv?: NodeJS.ProcessEnv;
  appPackageDir?: string;
  envDir?: string;
  outDir?: string;
}

/** A problem an admin can fix; the CLI prints only the message, no stack trace. */
export class AppPackageError extends Error {}

/** Parses simple KEY=VALUE lines; blank lines and lines starting with # are skipped. */
export function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trim().startsWith('#')) continue;
    const [, key = '', raw = ''] = match;
    values.set(key, raw.replace(/^(["'])(.*)\1$/, '$2'));
  }
  return values;
}

function loadVariables(envFile: string, processEnv: NodeJS.ProcessEnv): Map<string, string> {
  const values = existsSync(envFile) ? parseEnvFile(readFileSync(envFile, 'utf8')) : new Map<string, string>();
  // An empty value would produce an invalid manifest, so it never overrides anything.
  for (const [key, value] of Object.entries(processEnv)) if (value) values.set(key, value);
  for (const [key, value] of values) if (value === '') values.delete(key);
  return values;
}

function fillPlaceholders(text: string, file: string, values: Map<string, string>, envFile: string): string {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values.get(name);
    if (value === undefined) missing.add(name);
    // The value lands inside a JSON string, so quotes and backslashes must be escaped.
    return JSON.stringify(value ?? '').slice(1, -1);
  });
  if (missing.size > 0) {
    const names = [...missing];
    const several = names.length > 1;
    const create = existsSync(envFile) ? '' : ' (create it from env/.env.dev.example)';
    throw new AppPackageError(
      `Missing variable${several ? 's' : ''} ${names.join(', ')} (used in ${file}).\n` +
        `Set ${several ? 'each as NAME' : names[0]}=<value> in ${path.relative(ROOT, envFile)}${create}, ` +
        'or as an environment variable.',
    );
  }
  if (filled.includes('${{')) throw new AppPackageError(`${file}: malformed \${{...}} placeholder left`);
  return filled;
}

/** Every id and page an admin filled in that Teams would refuse or show broken, with what to write instead. */
function checkValues(values: Map<string, string>): void {
  const problems: string[] = [];
  for (const name of GUID_VARIABLES) {
    const value = values.get(name);
    if (value === undefined) continue;
    if (!GUID.test(value))
      problems.push(`${name} must be a GUID like 3e8d6b52-91a7-4c0f-b5d2-6a1f9c7e4b28, got "${value}"`);
    else if (NIL_GUID.test(value)) problems.push(`${name} must be a real GUID, not all zeros: ${GUID_SOURCES[name]}`);
  }
  for (const name of PAGE_VARIABLES) {
    const value = values.get(name);
    const problem = value === undefined ? undefined : httpsPageProblem(value);
    if (problem) problems.push(`${name} ${problem}; got "${value}"`);
  }
  if (problems.length > 0) throw new AppPackageError(problems.join('\n'));
}

function readFilled(dir: string, file: string, values: Map<string, string>, envFile: string): unknown {
  const text = fillPlaceholders(readFileSync(path.join(dir, file), 'utf8'), file, values, envFile);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppPackageError(`${file} is not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
}

/** Builds and validates the package; returns the path of the zip it wrote. */
export async function buildAppPackage(options: BuildOptions = {}): Promise<string> {
  const envName = options.envName ?? 'local';
  if (!/^[A-Za-z0-9_-]+$/.test(envName)) throw new AppPackageError(`invalid --env name "${envName}"`);
  const appDir = options.appPackageDir ?? path.join(ROOT, 'appPackage');
  const envFile = path.join(options.envDir ?? path.join(ROOT, 'env'), `.env.${envName}`);
  const values = loadVariables(envFile, options.processEnv ?? process.env);

  const manifest = readFilled(appDir, 'manifest.json', values, envFile) as PackageManifest;
  checkValues(values);
  const problems = (await validateManifest(manifest)).map((p) => `manifest.json: ${p}`);
  const languageFiles = (manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file);
  const entries = [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) }];
  for (const file of languageFiles) {
    const localization = readFilled(appDir, file, values, envFile) as Record<string, unknown>;
    problems.push(...validateLocalization(localization).map((p) => `${file}: ${p}`));
    const unknownKeys = findUnknownLocalizationKeys(manifest, localization);
    problems.push(...unknownKeys.map((key) => `${file}: "${key}" matches nothing in manifest.json`));
    const untranslated = findUntranslatedCommands(manifest, localization);
    problems.push(...untranslated.map((key) => `${file}: add "${key}": Teams would show this command in bokmål`));
    entries.push({ name: file, data: Buffer.from(JSON.stringify(localization, null, 2)) });
  }
  problems.push(...findIconProblems(appDir, manifest.icons));
  if (problems.length > 0) throw new AppPackageError(`The app package is not valid:\n${problems.join('\n')}`);

  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    entries.push({ name: icon, data: readFileSync(path.join(appDir, icon)) });
  }
  const outDir = options.outDir ?? path.join(appDir, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${envName}.zip`);
  writeFileSync(zipPath, createZip(entries));
  return zipPath;
}

function envNameFromArgs(args: string[]): string | undefined {
  const index = args.findIndex((arg) => arg === '--env' || arg.startsWith('--env='));
  const arg = args[index];
  if (arg === undefined) return undefined;
  const name = arg.startsWith('--env=') ? arg.slice('--env='.length) : args[index + 1];
  if (!name) throw new AppPackageError('--env needs a name, e.g. npm run package -- --env dev');
  return name;
}

if (require.main === module) {
  Promise.resolve()
    .then(() => buildAppPackage({ envName: envNameFromArgs(process.argv.slice(2)) }))
    .then((zipPath) => console.log(path.relative(process.cwd(), zipPath)))
    .catch((error: unknown) => {
      console.error(error instanceof AppPackageError ? error.message : error);
      process.exitCode = 1;
    });
}
