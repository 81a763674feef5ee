import type { Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * The shape of the activity fields refleks and botbuilder read, checked before
 * botbuilder sees the body. Teams, the Bot Connector and the Agents Playground
 * always send these well formed; anything else is someone posting by hand or a
 * bug, and must not throw half-way through a turn. Fields refleks does not read
 * pass through untouched (loose objects), so new Bot Framework fields are fine.
 */

/** An optional field of the wrong type is dropped, not a reason to refuse the activity. */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** A list whose entries that do not fit are dropped; no list at all when it is not one. */
const listOf = <T extends z.ZodType>(entry: T) =>
  optional(
    z.array(z.unknown()).transform((items) =>
      items.flatMap((item): z.output<T>[] => {
        const parsed = entry.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
  );

const account = z.looseObject({ id: z.string().min(1), aadObjectId: optional(z.string()) });

/** botbuilder's mention removal reads type on every entity, and mentioned.id and text on mentions. */
const entity = z
  .looseObject({ type: z.string(), mentioned: z.unknown().optional(), text: z.unknown().optional() })
  .refine(
    (e) =>
      e.type.toLowerCase() !== 'mention' ||
      (typeof e.text === 'string' && typeof (e.mentioned as { id?: unknown } | null)?.id === 'string'),
  );

const attachment = z.looseObject({
  contentType: optional(z.string()),
  contentUrl: optional(z.string()),
  name: optional(z.string()),
});

const activityShape = z.looseObject({
  type: z.string().min(1),
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id: z.string().min(1),
    conversationType: optional(z.string()),
    tenantId: optional(z.string()),
  }),
  channelData: optional(z.looseObject({ tenant: optional(z.looseObject({ id: optional(z.string()) })) })),
  locale: optional(z.string()),
  text: optional(z.string()),
  entities: listOf(entity),
  attachments: listOf(attachment),
  membersAdded: listOf(account),
  membersRemoved: listOf(account),
  action: optional(z.string()),
  name: optional(z.string()),
});

export type ActivityCheck = { ok: true; activity: Activity } | { ok: false; fields: string[] };

/**
 * A usable activity with its optional fields normalised, or the fields that
 * make it unusable (names only: never a value, which could be message text).
 */
export function checkActivity(body: unknown): ActivityCheck {
  const parsed = activityShape.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data as unknown as Activity };
  const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)');
  return { ok: false, fields: [...new Set(fields)] };
}
