import type { Language } from '../content/languages';
import type { Recipient } from '../domain/recipient';
import type { Turn, TurnResult } from '../domain/turn';
import type { AppServices } from './app-services';

/** What every handler gets besides the turn: the services and who is asking. */
export interface RouteContext {
  services: AppServices;
  language: Language;
  recipient?: Recipient;
  /**
   * True when this turn made the user reachable (install or reinstall). Teams
   * may announce one install twice (conversationUpdate and installationUpdate).
   */
  becameActive: boolean;
}

/**
 * One flat route: `select` decides whether it handles the turn, `handle`
 * returns the replies. The first route that selects a turn wins.
 */
export interface Route {
  name: string;
  select(turn: Turn, ctx: RouteContext): boolean;
  handle(turn: Turn, ctx: RouteContext): Promise<TurnResult>;
}
