/**
 * The Teams app package an IT admin uploads: manifest, translations, icons and the zip.
 * Schemas come from @microsoft/app-manifest's bundled copies; nothing may touch the network.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 as nodeCrc32, inflateRawSync } from 'node:zlib';
import Ajv from 'ajv-draft-04';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { buildAppPackage, parseEnvFile } from '../scripts/build-app-package';
import {
  findIconProblems,
  findUnknownLocalizationKeys,
  findUntranslatedCommands,
  validateManifest,
} from '../scripts/lib/validate-app-package';
import { createZip, crc32 } from '../scripts/lib/write-zip';
import { findBokmalInNynorsk, findNynorskInBokmal } from '../src/content/written-standard-lint';
import { matchCommand } from '../src/routes/match-command';

// @microsoft/app-manifest requires strip-bom, which is ESM-only; Jest cannot require() ESM
// before Node 24.9 (plain Node 20 can, so the package script is unaffected). Same behaviour:
jest.mock('strip-bom', () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }));

const ROOT = path.resolve(__dirname, '..');
const APP = path.join(ROOT, 'appPackage');
const SCHEMAS = path.join(ROOT, 'node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.24');
const TEST_APP_ID = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const TEST_BOT_ID = '6b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e';
const TEST_VARIABLES: Record<string, string> = {
  TEAMS_APP_ID: TEST_APP_ID,
  BOT_ID: TEST_BOT_ID,
  APP_WEBSITE_URL: 'https://example.org/refleks',
  APP_PRIVACY_URL: 'https://example.org/refleks/privacy',
  APP_TERMS_URL: 'https://example.org/refleks/terms',
};

type Json = Record<string, unknown>;
interface Command {
  title: string;
  description: string;
}
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const fill = (text: string): string =>
  text.replace(/\$\{\{(\w+)\}\}/g, (placeholder, name: string) => TEST_VARIABLES[name] ?? placeholder);
const filledManifest = (): Json => JSON.parse(fill(readFileSync(path.join(APP, 'manifest.json'), 'utf8'))) as Json;
type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
const bundledSchema = readJson(path.join(SCHEMAS, 'MicrosoftTeams.schema.json')) as Schema;
const validateOffline = (manifest: unknown): Promise<string[]> =>
  AppManifestUtils.validateAgainstSchema(manifest as AppManifest, bundledSchema);
const localizations = {
  nn: readJson(path.join(APP, 'nn.json')) as Json,
  en: readJson(path.join(APP, 'en.json')) as Json,
};
type BotsWithCommands = { bots: { commandLists: { commands: Command[] }[] }[] };
const commandsOf = (manifest: Json): Command[] =>
  (manifest as BotsWithCommands).bots[0]?.commandLists[0]?.commands ?? [];

let fetchSpy: jest.SpyInstance;
beforeEach(() => {
  fetchSpy = jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in tests'));
});
afterEach(() => {
  expect(fetchSpy).not.toHaveBeenCalled();
  fetchSpy.mockRestore();
});

describe('manifest.json', () => {
  it('passes the bundled v1.24 schema once placeholders are filled', async () => {
    const manifest = filledManifest();
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json',
    );
    expect(await validateOffline(manifest)).toEqual([]);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('fails the schema when something is wrong (the validator is live)', async () => {
    const broken = { ...filledManifest(), accentColor: 'teal', id: 'not-a-guid' };
    const errors = await validateOffline(broken);
    expect(errors.join('\n')).toMatch(/\/accentColor/);
    expect(errors.join('\n')).toMatch(/\/id/);
    expect(await validateManifest({ ...broken, $schema: 'https://example.org/schema.json' })).toHaveLength(1);
  });

  it('offers the working commands, and the team scope only for the IT channel, within Teams limits', () => {
    const manifest = filledManifest();
    const bot = (manifest.bots as Json[])[0] as Json;
    expect(bot.scopes).toEqual(['personal', 'team']);
    expect(bot.supportsFiles).toBe(true);
    expect(commandsOf(manifest).map((c) => c.title)).toEqual([
      'hjelp',
      'språk',
      'meld fra',
      'pause',
      'mine data',
      'møteopplegg',
    ]);
    // Teams sends a command's title as the message: each must be a word the bot answers to.
    for (const { title } of commandsOf(manifest))
      expect({ title, command: matchCommand(title) }).toEqual({ title, command: expect.any(String) as unknown });
    // Teams shows at most 10 commands per list, titles up to 32 and descriptions up to 128 characters.
    for (const list of bot.commandLists as { commands: Command[] }[]) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(32);
        expect(command.description.length).toBeLessThanOrEqual(128);
      }
    }
    const lists = (bot.commandLists as { scopes: string[]; commands: Command[] }[]).map((l) => l.scopes);
    expect(lists).toEqual([['personal'], ['team']]);
    expect(((manifest.description as Json).short as string).length).toBeLessThanOrEqual(80);
  });
});

describe('localization files', () => {
  const ajv = new Ajv({ allErrors: true, unicodeRegExp: false, formats: { uri: true } });
  const validate = ajv.compile(readJson(path.join(SCHEMAS, 'MicrosoftTeams.Localization.schema.json')) as Json);

  it.each(Object.entries(localizations))('%s.json passes the bundled localization schema', (_lang, file) => {
    expect(validate(file) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...file, 'name.short': 'x'.repeat(31) })).toBe(false);
  });

  it.each(Object.entries(localizations))('%s.json translates all commands, nothing else', (_lang, file) => {
    // The same for the translated titles.
    commandsOf(filledManifest()).forEach((_command, i) => {
      const title = String(file[`bots[0].commandLists[0].commands[${i}].title`]);
      expect({ title, command: matchCommand(title) }).toEqual({ title, command: expect.any(String) as unknown });
    });
    const manifest = filledManifest();
    const noSuchCommand = { ...file, 'bots[0].commandLists[0].commands[7].title': 'x' };
    expect(findUnknownLocalizationKeys(manifest, file)).toEqual([]);
    expect(findUnknownLocalizationKeys(manifest, noSuchCommand)).toHaveLength(1);
    commandsOf(manifest).forEach((_command, i) => {
      const title = file[`bots[0].commandLists[0].commands[${i}].title`];
      const description = file[`bots[0].commandLists[0].commands[${i}].description`];
      expect(typeof title === 'string' && title.length <= 32).toBe(true);
      expect(typeof description === 'string' && description.length <= 128).toBe(true);
    });
  });

  it.each(Object.entries(localizations))('%s.json translates every command of every list', (_lang, file) => {
    expect(findUntranslatedCommands(filledManifest(), file)).toEqual([]);
    const withoutOne = { ...file };
    delete withoutOne['bots[0].commandLists[1].commands[0].description'];
    expect(
      findUntranslatedCommands(filledManifest(), { ...withoutOne, 'bots[0].commandLists[0].commands[1].title': ' ' }),
    ).toEqual(['bots[0].commandLists[0].commands[1].title', 'bots[0].commandLists[1].commands[0].description']);
  });

  it('keeps nynorsk and bokmål apart', () => {
    const nb = filledManifest();
    const nbTexts = [nb.name, nb.description].flatMap((o) => Object.values(o as Json) as string[]);
    nbTexts.push(...commandsOf(nb).flatMap((c) => [c.title, c.description]));
    expect(findNynorskInBokmal(nbTexts.join(' '))).toEqual([]);
    const nnTexts = Object.entries(localizations.nn).filter(([key]) => key !== '$schema');
    expect(findBokmalInNynorsk(nnTexts.map(([, text]) => String(text)).join(' '))).toEqual([]);
  });
});

describe('icons', () => {
  const color = PNG.sync.read(readFileSync(path.join(APP, 'color.png')));
  const outline = PNG.sync.read(readFileSync(path.join(APP, 'outline.png')));
  const pixels = (png: PNG): number[][] =>
    Array.from({ length: png.width * png.height }, (_v, i) => [...png.data.subarray(i * 4, i * 4 + 4)]);

  it('color.png is a 192×192 opaque icon whose background is the accent colour', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(pixels(color).every(([, , , a]) => a === 255)).toBe(true);
    const corner = pixels(color)[0]
      ?.slice(0, 3)
      .map((v) => v.toString(16).padStart(2, '0'))
      .join('');
    expect(`#${corner}`.toUpperCase()).toBe(filledManifest().accentColor);
  });

  it('outline.png is 32×32 and only white or fully transparent pixels', () => {
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const notWhite = pixels(outline).filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255));
    expect(notWhite).toEqual([]);
    expect(pixels(outline).filter(([, , , a]) => a === 255).length).toBeGreaterThan(50);
    expect(pixels(outline)[0]?.[3]).toBe(0);
  });

  it('the builder notices icons of the wrong size', () => {
    expect(findIconProblems(APP, { color: 'color.png', outline: 'outline.png' })).toEqual([]);
    expect(findIconProblems(APP, { color: 'outline.png', outline: 'color.png' })).toHaveLength(2);
  });
});

/** Lists a zip's entries from its central directory and inflates each one. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    expect(zip.readUInt32LE(offset)).toBe(0x02014b50);
    const method = zip.readUInt16LE(offset + 10);
    const field = (at: number): number => zip.readUInt32LE(offset + at);
    const [crc, packed, size] = [field(16), field(20), field(24)];
    const nameLength = zip.readUInt16LE(offset + 28);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const local = zip.readUInt32LE(offset + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + packed);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    expect([data.length, nodeCrc32(data) >>> 0]).toEqual([size, crc]);
    files.set(name, data);
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return files;
}

describe('package builder', () => {
  const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'refleks-package-'));

  it('computes the standard CRC-32 and writes readable zips', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const text = 'hei '.repeat(50);
    const files = readZip(
      createZip([
        { name: 'a.txt', data: Buffer.from(text) },
        { name: 'b', data: Buffer.from('x') },
      ]),
    );
    expect([...files.keys()]).toEqual(['a.txt', 'b']);
    expect(files.get('a.txt')?.toString()).toBe(text);
  });

  it('writes a zip with exactly the five files and no placeholders left', async () => {
    const processEnv = { BOT_ID: TEST_BOT_ID };
    const zipPath = await buildAppPackage({ envName: 'local', processEnv, outDir: tempDir() });
    expect(path.basename(zipPath)).toBe('appPackage.local.zip');
    const files = readZip(readFileSync(zipPath));
    const expected = ['color.png', 'en.json', 'manifest.json', 'nn.json', 'outline.png'];
    expect([...files.keys()].sort()).toEqual(expected);
    for (const data of files.values()) expect(data.toString('latin1')).not.toContain('${{');
    expect(files.get('color.png')?.equals(readFileSync(path.join(APP, 'color.png')))).toBe(true);
    const manifest = JSON.parse(files.get('manifest.json')?.toString() ?? '{}') as Json;
    const localIds = parseEnvFile(readFileSync(path.join(ROOT, 'env/.env.local'), 'utf8'));
    expect(manifest.id).toBe(localIds.get('TEAMS_APP_ID'));
    expect((manifest.bots as Json[])[0]?.botId).toBe(TEST_BOT_ID); // the process environment wins
    expect(await validateOffline(manifest)).toEqual([]);
  });

  it('stops with a clear message naming a missing variable and where to set it', async () => {
    const envDir = tempDir();
    const withoutBotId = Object.entries(TEST_VARIABLES)
      .filter(([key]) => key !== 'BOT_ID')
      .map(([key, value]) => `${key}=${value}`);
    writeFileSync(path.join(envDir, '.env.ci'), `# test\n${withoutBotId.join('\n')}\n`);
    const build = buildAppPackage({ envName: 'ci', envDir, processEnv: { BOT_ID: '' }, outDir: tempDir() });
    await expect(build).rejects.toThrow(/Missing variable BOT_ID \(used in manifest\.json\)[\s\S]*\.env\.ci/);
    const noEnvFile = buildAppPackage({ envName: 'none', envDir, processEnv: {}, outDir: tempDir() });
    await expect(noEnvFile).rejects.toThrow(/Missing variables TEAMS_APP_ID.*BOT_ID/);
    await expect(noEnvFile).rejects.toThrow(/\.env\.none \(create it from env\/\.env\.dev\.example\)/);
  });

  it('rejects IDs that are not GUIDs', async () => {
    const build = buildAppPackage({ envName: 'local', processEnv: { TEAMS_APP_ID: 'refleks' }, outDir: tempDir() });
    await expect(build).rejects.toThrow(/TEAMS_APP_ID must be a GUID/);
  });

  it('rejects an all-zero GUID and About pages that are not https with a host, saying what to write', async () => {
    const processEnv = {
      TEAMS_APP_ID: '00000000-0000-0000-0000-000000000000',
      BOT_ID: '00000000-0000-0000-0000-000000000000',
      APP_WEBSITE_URL: 'https://',
      APP_PRIVACY_URL: 'http://example.org/privacy',
      APP_TERMS_URL: 'https://example.org/terms of use',
    };
    const build = buildAppPackage({ envName: 'local', processEnv, outDir: tempDir() });
    const message = await build.then(
      () => 'built',
      (error: Error) => error.message,
    );
    expect(message.split('\n')).toEqual([
      'TEAMS_APP_ID must be a real GUID, not all zeros: generate one once with node -e "console.log(crypto.randomUUID())" and keep it',
      "BOT_ID must be a real GUID, not all zeros: copy the Application (client) ID of the bot's app registration in Entra ID",
      'APP_WEBSITE_URL must be a full https:// address with a host name, such as https://kommune.no/personvern; got "https://"',
      'APP_PRIVACY_URL must start with https:// (Teams links only to https pages), such as https://kommune.no/personvern; got "http://example.org/privacy"',
      'APP_TERMS_URL must not contain spaces, quotes, < > or backslashes (write a space as %20); got "https://example.org/terms of use"',
    ]);
  });

  it('stops when a translation leaves a command out, naming the file and the key', async () => {
    const appPackageDir = tempDir();
    cpSync(APP, appPackageDir, { recursive: true });
    const rest = { ...localizations.en };
    delete rest['bots[0].commandLists[1].commands[0].title'];
    writeFileSync(path.join(appPackageDir, 'en.json'), JSON.stringify(rest));
    const build = buildAppPackage({ envName: 'local', processEnv: {}, appPackageDir, outDir: tempDir() });
    await expect(build).rejects.toThrow(
      'en.json: add "bots[0].commandLists[1].commands[0].title": Teams would show this command in bokmål',
    );
  });

  it('parses KEY=VALUE env files with comments and quotes', () => {
    const values = parseEnvFile('# comment\n\nA=1\n  B = "two words" \n#C=3\nD=\n');
    expect([...values.entries()]).toEqual([
      ['A', '1'],
      ['B', 'two words'],
      ['D', ''],
    ]);
  });
});
