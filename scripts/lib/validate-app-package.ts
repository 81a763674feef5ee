/**
 * Offline checks for the Teams app package, using only the schemas bundled with
 * @microsoft/app-manifest: an admin's build must not depend on (or leak to) the internet.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

export const SCHEMA_FOLDER = path.join(
  path.dirname(require.resolve('@microsoft/app-manifest')),
  'json-schemas',
  'teams',
);
const LOCALIZATION_SCHEMA = path.join(SCHEMA_FOLDER, 'v1.24', 'MicrosoftTeams.Localization.schema.json');

/**
 * Validates against the schema bundled for the manifest's $schema. AppManifestUtils would
 * download an unknown schema, so we load the file ourselves and pass it in.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  const schemaUrl = (manifest as { $schema?: unknown }).$schema;
  const version = /\/teams\/(v[\d.]+)\/MicrosoftTeams\.schema\.json$/.exec(String(schemaUrl))?.[1];
  const schemaFile = path.join(SCHEMA_FOLDER, version ?? 'none', 'MicrosoftTeams.schema.json');
  if (!version || !existsSync(schemaFile)) {
    return [`$schema ${String(schemaUrl)} has no schema bundled with @microsoft/app-manifest`];
  }
  const schema: unknown = JSON.parse(readFileSync(schemaFile, 'utf8'));
  type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  return AppManifestUtils.validateAgainstSchema(manifest as AppManifest, schema as Schema);
}

let localizationValidator: ReturnType<Ajv['compile']> | undefined;

/** Validates a localization file (nn.json, en.json) against the bundled localization schema. */
export function validateLocalization(localization: unknown): string[] {
  if (!localizationValidator) {
    // unicodeRegExp: false because one pattern in Microsoft's schema (`\b]`) is invalid in
    // JavaScript's unicode mode and Ajv would refuse to compile it.
    const ajv = new Ajv({ allErrors: true, unicodeRegExp: false, formats: { uri: URL.canParse } });
    localizationValidator = ajv.compile(JSON.parse(readFileSync(LOCALIZATION_SCHEMA, 'utf8')));
  }
  if (localizationValidator(localization)) return [];
  return (localizationValidator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/**
 * Keys such as "bots[0].commandLists[0].commands[2].title" that point at no string in the
 * manifest. The schema cannot catch these: Teams would silently ignore the translation.
 */
export function findUnknownLocalizationKeys(manifest: unknown, localization: Record<string, unknown>): string[] {
  const lookup = (key: string): unknown =>
    key
      .split(/\.|\[(\d+)\]/)
      .filter(Boolean)
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], manifest);
  return Object.keys(localization)
    .filter((key) => key !== '$schema' && key !== 'localizationKeys')
    .filter((key) => typeof lookup(key) !== 'string');
}

/**
 * Why a page for the app's About tab (website, privacy, terms) cannot be
 * used; undefined when it can. The schema only checks that it starts with
 * http(s)://, so "http://…" and "https://" alone would reach the tenant.
 */
export function httpsPageProblem(value: string): string | undefined {
  const example = 'such as https://kommune.no/personvern';
  if (!/^https:\/\//i.test(value)) return `must start with https:// (Teams links only to https pages), ${example}`;
  if (/[\s"'<>\\]/.test(value)) return 'must not contain spaces, quotes, < > or backslashes (write a space as %20)';
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(url.hostname))
    return `must be a full https:// address with a host name, ${example}`;
  if (url.username || url.password) return `must not have a user name before the host, ${example}`;
  return undefined;
}

/**
 * Command titles and descriptions in manifest.json that a translation file
 * (nn.json, en.json) does not translate: Teams would show those in bokmål.
 */
export function findUntranslatedCommands(manifest: unknown, localization: Record<string, unknown>): string[] {
  type Bots = { bots?: { commandLists?: { commands?: unknown[] }[] }[] };
  const keys = ((manifest as Bots).bots ?? []).flatMap((bot, b) =>
    (bot.commandLists ?? []).flatMap((list, l) =>
      (list.commands ?? []).flatMap((_command, c) =>
        ['title', 'description'].map((field) => `bots[${b}].commandLists[${l}].commands[${c}].${field}`),
      ),
    ),
  );
  return keys.filter((key) => {
    const text = localization[key];
    return typeof text !== 'string' || text.trim() === '';
  });
}

/** Width and height of a PNG, read from its IHDR chunk; undefined if it is not a PNG. */
export function pngSize(data: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length < 24 || !data.subarray(0, 8).equals(signature)) return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Teams requires a 192×192 colour icon and a 32×32 outline icon, both PNG. */
export function findIconProblems(appDir: string, icons: { color: string; outline: string }): string[] {
  const expected = [
    [icons.color, 192],
    [icons.outline, 32],
  ] as const;
  return expected.flatMap(([file, size]) => {
    const fullPath = path.join(appDir, file);
    const actual = existsSync(fullPath) ? pngSize(readFileSync(fullPath)) : undefined;
    return actual?.width === size && actual.height === size ? [] : [`${file}: must be a ${size}×${size} PNG`];
  });
}
