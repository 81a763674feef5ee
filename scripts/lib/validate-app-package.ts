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
