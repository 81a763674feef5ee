import { z } from 'zod';

/** A name in one text for all languages, or one per language. */
const nameText = z.union([
  z.string().trim().min(1),
  z.strictObject({ nb: z.string().trim().min(1), nn: z.string().trim().min(1), en: z.string().trim().min(1) }),
]);
const httpsUrl = z.url({ protocol: /^https$/, message: 'must be a full https:// address' });
const phone = z
  .string()
  .regex(/^\+?[0-9 ]{3,20}$/, 'must be a phone number such as "22 33 44 55" or "+47 22 33 44 55"');

/**
 * What differs between municipalities. Everything is optional: with nothing
 * configured the texts fall back to natural, general wording.
 */
export const localRulesSchema = z.strictObject({
  itSupport: z
    .strictObject({
      name: nameText.optional(),
      phone: phone.optional(),
      email: z.email().optional(),
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
