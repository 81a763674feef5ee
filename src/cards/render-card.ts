import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCard } from '../domain/turn';

/** The card templates in cards/. */
export const CARD_NAMES = [
  'welcome',
  'help',
  'language-choice',
  'nudge',
  'check',
  'quiz',
  'quiz-result',
  'answer',
  'report-form',
  'report-receipt',
  'campaign-status',
  'confirm-send',
  'it-channel-report',
  'urgent',
  'question-fallback',
  'topic-summary',
  'my-data',
  'delete-data',
  'statistics',
  'meeting-kit',
  'meeting-kit-choice',
  'reminder-choice',
  'reminder-set',
  'reminder',
  'pulse',
  'pulse-thanks',
] as const;
export type CardName = (typeof CARD_NAMES)[number];

export type CardRenderer = (name: CardName, data: object) => AdaptiveCard;

/**
 * Loads every template once and returns the one rendering function that the
 * bot, the card gallery and the tests all use. Templates use
 * adaptivecards-templating (${...}); values are inserted as data, never
 * re-expanded, so user text can't inject template syntax.
 */
export function createCardRenderer(cardsDir: string): CardRenderer {
  const templates = new Map<CardName, ACData.Template>();
  for (const name of CARD_NAMES) {
    const file = path.join(cardsDir, `${name}.json`);
    templates.set(name, new ACData.Template(JSON.parse(readFileSync(file, 'utf8')) as object));
  }
  return (name, data) => {
    const template = templates.get(name);
    if (!template) throw new Error(`No card template named ${name}`);
    return template.expand({ $root: data }) as AdaptiveCard;
  };
}
