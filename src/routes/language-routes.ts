import type { Route } from '../app/route';
import { isLanguage, LANGUAGES } from '../content/languages';
import type { Turn } from '../domain/turn';
import { CATALOGUES } from '../i18n/catalogue';
import { textsFor } from '../i18n/texts-for';
import { matchCommand } from './match-command';
import { askForPersonalChat, isPersonalChat } from './personal-chat';

const wantsLanguageChoice = (turn: Turn) =>
  (turn.kind === 'message' && matchCommand(turn.text) === 'language') ||
  (turn.kind === 'submit' && turn.action?.name === 'show-language');

export const showLanguageChoice: Route = {
  name: 'language-choice',
  select: wantsLanguageChoice,
  async handle(turn, ctx) {
    const { services, language } = ctx;
    const t = textsFor(language, services.localRules);
    if (!ctx.recipient || !isPersonalChat(turn)) return askForPersonalChat(turn, ctx, t.commands.language.word);
    // Each language is named in itself, so a user who landed in the wrong one still finds theirs.
    const choices = LANGUAGES.map((code) => ({ code, name: CATALOGUES[code].languageName }));
    return { replies: [{ kind: 'card', card: services.cards('language-choice', { t, choices }) }] };
  },
};

/** The choice is remembered on the recipient row: only in the personal chat, where there is one. */
export const setLanguage: Route = {
  name: 'set-language',
  select: (turn) => turn.kind === 'submit' && turn.action?.name === 'set-language',
  async handle(turn, ctx) {
    const { services, language, recipient } = ctx;
    const t = textsFor(language, services.localRules);
    if (!recipient || !isPersonalChat(turn)) return askForPersonalChat(turn, ctx, t.commands.language.word);
    const chosen = turn.action?.data.language;
    if (!isLanguage(chosen)) return { replies: [{ kind: 'text', text: t.language.unknown }] };
    await services.recipients.setLanguage(recipient.tenantId, recipient.aadObjectId, chosen);
    return { replies: [{ kind: 'text', text: textsFor(chosen, services.localRules).language.confirmed }] };
  },
};
