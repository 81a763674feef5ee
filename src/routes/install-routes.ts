import type { Route } from '../app/route';
import { noReply } from '../domain/turn';
import { textsFor } from '../i18n/texts-for';
import { commandList } from './command-list';

/** On install: say hello, what the bot does, why, how often, what it stores. Once per install. */
export const welcomeOnInstall: Route = {
  name: 'welcome',
  select: (turn, ctx) => turn.kind === 'install' && turn.conversationType === 'personal' && ctx.becameActive,
  async handle(_turn, { services, language }) {
    const t = textsFor(language, services.localRules);
    return {
      replies: [
        { kind: 'card', card: services.cards('welcome', { t, commands: commandList(t, services.allowOptOut) }) },
      ],
    };
  },
};

/** On uninstall the recipient is already marked inactive; a repeated install event needs no reply either. */
export const quietInstallEvents: Route = {
  name: 'install-event',
  select: (turn) => turn.kind === 'uninstall' || turn.kind === 'install',
  handle: async () => noReply(),
};
