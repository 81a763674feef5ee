import { z } from 'zod';

/**
 * Local rules land in card text, which Teams reads as markdown, and in
 * sentences that are filled again later: a stray bracket, brace, line break
 * or invisible direction mark would become a link, a raw {placeholder} or
 * reordered text in front of every employee. So values are plain and checked.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const MARKUP = /[[\]{}<>*`\\]/;
const MAX_NAME_LENGTH = 80;

const plainName = z
  .string()
  .trim()
  .min(1, 'must not be empty: write the name, or leave the field out')
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
  .refine((name) => !INVISIBLE.test(name), 'must be one line, without line breaks or invisible control characters')
  .refine((name) => !MARKUP.test(name), 'must be plain text, without any of [ ] { } < > * ` \\');

/** A name in one text for all languages, or one per language. */
const nameText = z.union([plainName, z.strictObject({ nb: plainName, nn: plainName, en: plainName })]);

const EXAMPLE_URL = '"https://kommune.no/samtykke"';
/** The last label is letters (or an internationalised one): kommune.no, not kommune or 10.0.0.1. */
const DOTTED_HOST = /^(?:[a-z0-9-]+\.)+(?:[a-z]{2,}|xn--[a-z0-9-]+)$/;

/** Why a local-rules address cannot be used, in words the admin can act on; undefined when it can. */
function urlProblem(text: string): string | undefined {
  if (!/^https:\/\/[^/]/i.test(text)) return `must be a full https:// address, such as ${EXAMPLE_URL}`;
  if (/\s/.test(text) || INVISIBLE.test(text)) return 'must not contain spaces or line breaks (write a space as %20)';
  if (MARKUP.test(text) || text.includes('"'))
    return 'must not contain any of [ ] { } < > " * ` \\ (write them %-encoded, e.g. %7B for {)';
  if (!URL.canParse(text)) return `is not a valid address; write it as in the browser, such as ${EXAMPLE_URL}`;
  const url = new URL(text);
  if (url.username || url.password) return 'must not have a user name before the host (nothing@ after https://)';
  if (!DOTTED_HOST.test(url.hostname)) return `needs a full host name with a dot, such as ${EXAMPLE_URL}`;
  return undefined;
}

/** An https address with a real host, stored as the browser would write it (new URL().href). */
const httpsUrl = z
  .string()
  .trim()
  .superRefine((text, ctx) => {
    const problem = urlProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((text) => new URL(text).href);

const phone = z
  .string()
  .trim()
  .regex(/^\+?\d[\d ]{1,18}\d$/, 'must be a phone number such as "22 33 44 55" or "+47 22 33 44 55"');

/**
 * What differs between municipalities. Everything is optional: with nothing
 * configured the texts fall back to natural, general wording.
 */
export const localRulesSchema = z.strictObject({
  itSupport: z
    .strictObject({
      name: nameText.optional(),
      phone: phone.optional(),
      email: z.email('must be an e-mail address such as "servicedesk@kommune.no"').optional(),
      portalUrl: httpsUrl.optional(),
    })
    .optional(),
  incidentSystem: z.strictObject({ name: nameText.optional(), url: httpsUrl.optional() }).optional(),
  minPasswordLength: z.number().int().min(8, 'must be at least 8').max(64, 'must be at most 64').optional(),
  approvedStorage: z.array(nameText).min(1, 'list at least one place, or leave the field out').optional(),
  secureChannel: z.strictObject({ name: nameText, url: httpsUrl.optional() }).optional(),
  consentFormUrl: httpsUrl.optional(),
  passwordChangeUrl: httpsUrl.optional(),
});

export type LocalRules = z.infer<typeof localRulesSchema>;
export type NameText = z.infer<typeof nameText>;
