import { z } from 'zod';

/**
 * The shape of one theme file in themes/. Every user-facing field is a map
 * {nb, nn, en}, so a translation can never silently go missing and reviewers
 * see the three languages side by side.
 */

/** The ten theme ids in KS's order. Other tools rely on these ids: never rename. */
export const THEME_IDS = [
  'lock-devices',
  'passwords',
  'login-via-links',
  'personal-devices',
  'sensitive-email',
  'data-storage',
  'remote-and-travel',
  'two-factor',
  'photo-consent',
  'report-it',
] as const;
export type ThemeId = (typeof THEME_IDS)[number];

const text = z.string().trim().min(1, 'must not be empty');
const limited = (max: number) => text.max(max, `must be at most ${max} characters`);
const localized = <T extends z.ZodType>(field: T) => z.strictObject({ nb: field, nn: field, en: field });
const localizedList = (item: z.ZodType<string>, min: number, max: number) =>
  localized(z.array(item).min(min, `needs at least ${min}`).max(max, `allows at most ${max}`));

const quizOption = z.strictObject({
  correct: z.boolean(),
  text: localized(limited(120)),
  explanation: localized(limited(300)),
});

const faqEntry = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
  questions: localizedList(limited(200), 2, 10),
  answer: localized(limited(700)),
});

export const themeSchema = z.strictObject({
  id: z.enum(THEME_IDS),
  title: localized(limited(60)),
  habit: localized(limited(160)),
  hook: localized(limited(140)),
  why: localized(limited(700)),
  tips: z
    .array(localized(limited(200)))
    .min(3, 'needs at least 3 tips')
    .max(5, 'allows at most 5 tips'),
  quiz: z.strictObject({
    question: localized(limited(200)),
    options: z
      .array(quizOption)
      .min(3, 'needs 3 or 4 options')
      .max(4, 'needs 3 or 4 options')
      .refine((options) => options.filter((o) => o.correct).length === 1, 'needs exactly one correct option'),
  }),
  commitment: localized(limited(100)),
  reminderAction: localized(limited(200)),
  leaderQuestion: localized(limited(300)),
  checkQuestion: localized(limited(160)),
  keywords: localizedList(limited(40), 3, 40),
  faq: z.array(faqEntry).min(10, 'needs at least 10 FAQ entries'),
});

export type Theme = z.infer<typeof themeSchema>;
export type Localized<T = string> = { nb: T; nn: T; en: T };
