import type { Language } from '../content/languages';
import baseEn from './catalogues/en.json';
import baseNb from './catalogues/nb.json';
import baseNn from './catalogues/nn.json';
import engagementEn from './catalogues/engagement/en.json';
import engagementNb from './catalogues/engagement/nb.json';
import engagementNn from './catalogues/engagement/nn.json';
import meetingKitEn from './catalogues/meeting-kit/en.json';
import meetingKitNb from './catalogues/meeting-kit/nb.json';
import meetingKitNn from './catalogues/meeting-kit/nn.json';
import reportsEn from './catalogues/reports/en.json';
import reportsNb from './catalogues/reports/nb.json';
import reportsNn from './catalogues/reports/nn.json';
import questionsEn from './catalogues/questions/en.json';
import questionsNb from './catalogues/questions/nb.json';
import questionsNn from './catalogues/questions/nn.json';
import remindersEn from './catalogues/reminders/en.json';
import remindersNb from './catalogues/reminders/nb.json';
import remindersNn from './catalogues/reminders/nn.json';
import effectReportEn from './catalogues/effect-report/en.json';
import effectReportNb from './catalogues/effect-report/nb.json';
import effectReportNn from './catalogues/effect-report/nn.json';
import pulseEn from './catalogues/pulse/en.json';
import pulseNb from './catalogues/pulse/nb.json';
import pulseNn from './catalogues/pulse/nn.json';

/*
 * Bot text lives in JSON catalogues, one per language. A feature with much text
 * gets its own folder, catalogues/<feature>/{nb,nn,en}.json, with one top-level
 * key named after the feature, merged in below.
 */

const nb = { ...baseNb, ...reportsNb, ...engagementNb, ...remindersNb, ...effectReportNb, ...pulseNb, ...meetingKitNb };
const nn = { ...baseNn, ...reportsNn, ...engagementNn, ...remindersNn, ...effectReportNn, ...pulseNn, ...meetingKitNn };
const en = { ...baseEn, ...reportsEn, ...engagementEn, ...remindersEn, ...effectReportEn, ...pulseEn, ...meetingKitEn };

/** The shape every language's catalogue must have (bokmål is the reference). */
export type Catalogue = typeof nb & typeof questionsNb;

/** Typed so that a key missing in nn or en is a compile error; extra keys are caught by a test. */
export const CATALOGUES: Record<Language, Catalogue> = {
  nb: { ...nb, ...questionsNb },
  nn: { ...nn, ...questionsNn },
  en: { ...en, ...questionsEn },
};

/**
 * Fills {name} slots, and {name|one|other} with the word for that count
 * («1 mottaker», «2 mottakere»: one is for exactly 1 in nb, nn and en). A
 * slot without a value is left as is so tests can find it.
 */
export function interpolate(text: string, values: Record<string, string | number>): string {
  return text
    .replace(/\{([A-Za-z]+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) =>
      values[name] === undefined ? whole : Number(values[name]) === 1 ? one : other,
    )
    .replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}
