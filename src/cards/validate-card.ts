import type * as AdaptiveCards from 'adaptivecards';
import type { AdaptiveCard } from '../domain/turn';

// The adaptivecards package only loads in Node through its UMD bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** Teams renders at most about 28 KB per message. */
export const MAX_CARD_BYTES = 28 * 1024;
const MEANINGFUL_COLOURS = new Set(['good', 'attention', 'warning']);
const MEANING_MARKERS = /^[✓✗⚠ℹ👍👎]/u;

type Json = Record<string, unknown>;

function* walk(node: unknown): Generator<Json> {
  if (Array.isArray(node)) for (const item of node) yield* walk(item);
  else if (node && typeof node === 'object') {
    yield node as Json;
    for (const value of Object.values(node)) yield* walk(value);
  }
}

/** Our own checks that the SDK doesn't make: size, alt text, colour-only meaning, leftovers. */
function contentProblems(card: AdaptiveCard): string[] {
  const problems: string[] = [];
  const json = JSON.stringify(card);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_CARD_BYTES) problems.push(`card is ${bytes} bytes; Teams allows about ${MAX_CARD_BYTES}`);
  if (json.includes('${')) problems.push('card contains an unexpanded template expression ${...}');
  const leftover =
    /\{(itSupport|incidentSystem|minPasswordLength|approvedStorage|secureChannel|consentForm|passwordChange|[a-z]+)\}/.exec(
      json,
    );
  if (leftover) problems.push(`card contains a raw placeholder ${leftover[0]}`);
  if (/http:\/\//.test(json.replace(/"\$schema":"http:[^"]*"/, '')))
    problems.push('card contains an http:// link; use https://');
  for (const node of walk(card)) {
    if (node.type === 'Image' && !(typeof node.altText === 'string' && node.altText.trim())) {
      problems.push(`image ${String(node.url)} has no altText`);
    }
    if (
      typeof node.color === 'string' &&
      MEANINGFUL_COLOURS.has(node.color) &&
      !MEANING_MARKERS.test(String(node.text ?? ''))
    ) {
      problems.push(
        `text "${String(node.text).slice(0, 40)}" uses colour ${node.color} without a symbol or word that carries the meaning`,
      );
    }
    if (
      typeof node.type === 'string' &&
      node.type.startsWith('Action.') &&
      !(typeof node.title === 'string' && node.title.trim())
    ) {
      problems.push(`${node.type} has no title`);
    }
  }
  return problems;
}

/**
 * Parses a card with the Adaptive Cards SDK under a Teams host config and
 * returns every parse or validation warning plus our content checks. An
 * empty list means the card is clean.
 */
export function validateCard(card: AdaptiveCard, hostConfig: object): string[] {
  const sdkCard = new AC.AdaptiveCard();
  sdkCard.hostConfig = new AC.HostConfig(hostConfig);
  const context = new AC.SerializationContext();
  sdkCard.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of sdkCard.validateProperties().validationEvents) problems.push(`validation: ${event.message}`);
  return [...problems, ...contentProblems(card)];
}
