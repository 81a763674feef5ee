import { z } from 'zod';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'contentBytes must be base64');
const recipient = z.strictObject({ emailAddress: z.strictObject({ address: z.email(), name: z.string().optional() }) });

/** The part of Graph's sendMail contract refleks uses, strictly: unknown properties are errors, as in Graph. */
export const sendMailSchema = z.strictObject({
  message: z.strictObject({
    subject: z.string().min(1),
    body: z.strictObject({ contentType: z.enum(['HTML', 'Text', 'html', 'text']), content: z.string() }),
    toRecipients: z.array(recipient).min(1),
    replyTo: z.array(recipient).optional(),
    attachments: z
      .array(
        z.strictObject({
          '@odata.type': z.literal('#microsoft.graph.fileAttachment'),
          name: z.string().min(1),
          contentType: z.string().min(1),
          contentBytes: base64,
        }),
      )
      .optional(),
  }),
  saveToSentItems: z.boolean().optional(),
});
export type SendMailRequest = z.infer<typeof sendMailSchema>;
