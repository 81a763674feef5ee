import type { ConversationAddress } from './conversation-address';

/** What kind of event a turn is, independent of Bot Framework's activity types. */
export type TurnKind =
  | 'install' // the bot was added to the user's personal scope
  | 'uninstall' // the bot was removed
  | 'message' // the user wrote text
  | 'submit' // Action.Submit from a card: a message with a value
  | 'invoke' // Action.Execute (adaptiveCard/action) or another invoke
  | 'other'; // anything else (typing, reactions, unknown types)

/** A card action's name and the data it carried (merged with input values). */
export interface CardAction {
  name: string;
  data: Record<string, unknown>;
  /** Action.Execute only: "automatic" when Teams refreshes a card on display, "manual" for a button or menu. */
  trigger?: 'automatic' | 'manual';
}

/** A file or picture the user dropped in the chat. */
export interface IncomingFile {
  name: string;
  contentType: string;
  url: string;
  /** Pictures pasted inline sit behind the Bot Connector and need the bot's own token. */
  needsBotToken?: boolean;
}

/** A plain description of one incoming activity. Handlers see only this. */
export interface Turn {
  kind: TurnKind;
  tenantId?: string;
  /** Entra object id of the user, when Teams sent it. */
  aadObjectId?: string;
  /** personal, groupChat or channel. */
  conversationType?: string;
  address: ConversationAddress;
  /** The Teams client locale, e.g. nb-NO. */
  locale?: string;
  /** Message text with bot mentions removed and white space trimmed. */
  text?: string;
  action?: CardAction;
  /** Files attached to a message. */
  files?: IncomingFile[];
  /** Name of an invoke activity, e.g. adaptiveCard/action. */
  invokeName?: string;
  receivedAt: Date;
}

/** An Adaptive Card as plain JSON. */
export type AdaptiveCard = Record<string, unknown>;

export type Reply = { kind: 'text'; text: string } | { kind: 'card'; card: AdaptiveCard };

/** What a handler asks the Teams edge to do. */
export interface TurnResult {
  replies: Reply[];
  /** For Action.Execute: the card that replaces the one the user acted on. */
  updatedCard?: AdaptiveCard;
  /** For Action.Execute that cannot be done (an unknown or stale verb): Teams keeps the card it shows. */
  actionError?: { message: string };
}

export const noReply = (): TurnResult => ({ replies: [] });
