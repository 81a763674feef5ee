import { sightingChangesNothing, type Recipient } from '../domain/recipient';
import type { Reply, Turn, TurnResult } from '../domain/turn';
import { resolveLanguage } from '../i18n/resolve-language';
import { textsFor } from '../i18n/texts-for';
import type { AppServices } from './app-services';
import type { Route, RouteContext } from './route';

export type TurnOutcome =
  { status: 'handled'; route: string; result: TurnResult } | { status: 'refused'; reason: 'tenant-not-allowed' };

export interface App {
  handleTurn(turn: Turn): Promise<TurnOutcome>;
  /**
   * What to tell a user whose message could not be handled; nothing for a
   * tenant refleks does not serve. It reads no store (the language comes from
   * the Teams locale), since a store may be what failed.
   */
  failureReply(turn: Pick<Turn, 'tenantId' | 'locale'>): Reply | undefined;
}

function isAllowedTenant(tenantId: string | undefined, allowed: string[]): boolean {
  if (allowed.length === 0) return true;
  return tenantId !== undefined && allowed.includes(tenantId.toLowerCase());
}

interface RecipientUpdate {
  recipient?: Recipient;
  /** True when this turn made the user reachable: first install or reinstall. */
  becameActive: boolean;
}

/** The user is reachable by proactive message only from a personal chat. */
async function recordRecipient(turn: Turn, services: AppServices): Promise<RecipientUpdate> {
  const { tenantId, aadObjectId } = turn;
  if (!tenantId || !aadObjectId) return { becameActive: false };
  // Removing the bot from a team (the IT channel) says nothing about the remover's personal chat.
  const personal = turn.conversationType === undefined || turn.conversationType === 'personal';
  if (turn.kind === 'uninstall' && !personal) return { becameActive: false };
  const before = await services.recipients.get(tenantId, aadObjectId);
  let recipient = before;
  if (turn.kind === 'uninstall') {
    recipient = await services.recipients.markInactive(tenantId, aadObjectId, turn.receivedAt);
  } else if (turn.conversationType === 'personal' && turn.kind !== 'other') {
    const sighting = { tenantId, aadObjectId, address: turn.address, locale: turn.locale };
    if (!sightingChangesNothing(before, sighting, turn.receivedAt)) {
      recipient = await services.recipients.recordSighting(sighting, turn.receivedAt);
    }
  }
  return { recipient, becameActive: recipient?.active === true && before?.active !== true };
}

/**
 * The bot as a function of its services and routes: refuse other tenants
 * before anything is stored, keep the recipient up to date, then route.
 */
export function createApp(services: AppServices, routes: Route[]): App {
  return {
    async handleTurn(turn) {
      if (!isAllowedTenant(turn.tenantId, services.allowedTenantIds)) {
        return { status: 'refused', reason: 'tenant-not-allowed' };
      }
      const { recipient, becameActive } = await recordRecipient(turn, services);
      const ctx: RouteContext = {
        services,
        recipient,
        becameActive,
        language: resolveLanguage(recipient?.language, turn.locale, services.defaultLanguage),
      };
      const route = routes.find((candidate) => candidate.select(turn, ctx));
      if (!route) return { status: 'handled', route: 'none', result: { replies: [] } };
      return { status: 'handled', route: route.name, result: await route.handle(turn, ctx) };
    },

    failureReply({ tenantId, locale }) {
      if (!isAllowedTenant(tenantId, services.allowedTenantIds)) return undefined;
      const language = resolveLanguage(undefined, locale, services.defaultLanguage);
      return { kind: 'text', text: textsFor(language, services.localRules).turnFailed.text };
    },
  };
}
