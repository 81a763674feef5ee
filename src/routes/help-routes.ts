import type { Route } from '../app/route';
import type { Turn } from '../domain/turn';
import { textsFor } from '../i18n/texts-for';
import { commandList } from './command-list';
import { matchCommand } from './match-command';

const asksForHelp = (turn: Turn) =>
  (turn.kind === 'message' && matchCommand(turn.text) === 'help') ||
  (turn.kind === 'submit' && turn.action?.name === 'help');

export const showHelp: Route = {
  name: 'help',
  select: asksForHelp,
  async handle(_turn, { services, language }) {
    const t = textsFor(language, services.localRules);
    return {
      replies: [{ kind: 'card', card: services.cards('help', { t, commands: commandList(t, services.allowOptOut) }) }],
    };
  },
};

/**
 * A button from an old or unknown card. A refresh Teams sends on its own
 * (trigger "automatic") gets an error, so the card the user sees stays as it is.
 */
export const unknownAction: Route = {
  name: 'unknown-action',
  select: (turn) => turn.kind === 'submit' || (turn.kind === 'invoke' && turn.invokeName === 'adaptiveCard/action'),
  async handle(turn, { services, language }) {
    const text = textsFor(language, services.localRules).unknownAction.text;
    if (turn.kind === 'invoke' && turn.action?.trigger === 'automatic')
      return { replies: [], actionError: { message: text } };
    if (turn.kind === 'invoke') {
      return {
        replies: [],
        updatedCard: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text, wrap: true }] },
      };
    }
    return { replies: [{ kind: 'text', text }] };
  },
};
