import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationAddress } from '../domain/conversation-address';
import type { CardAction, Turn, TurnKind } from '../domain/turn';
import { filesOf } from './files-of';

type TeamsChannelData = { tenant?: { id?: string } } | undefined;

export function tenantOf(activity: Activity): string | undefined {
  return activity.conversation?.tenantId ?? (activity.channelData as TeamsChannelData)?.tenant?.id;
}

/** Only ids and routing facts: the user's display name is deliberately dropped. */
export function addressOf(activity: Activity): ConversationAddress {
  return {
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    conversationId: activity.conversation.id,
    conversationType: activity.conversation.conversationType,
    tenantId: tenantOf(activity),
    botId: activity.recipient.id,
    userId: activity.from.id,
    aadObjectId: activity.from.aadObjectId,
  };
}

const includesBot = (members: { id: string }[] | undefined, activity: Activity) =>
  members?.some((member) => member.id === activity.recipient.id) ?? false;

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Action.Submit: the card's data (with input values) arrives as the message value. */
function submitAction(value: unknown): CardAction | undefined {
  const data = asRecord(value);
  return data && typeof data.action === 'string' ? { name: data.action, data } : undefined;
}

/** Action.Execute: { action: { type, verb, data }, trigger } in an adaptiveCard/action invoke. */
function executeAction(value: unknown): CardAction | undefined {
  const action = asRecord(asRecord(value)?.action);
  if (!action || typeof action.verb !== 'string') return undefined;
  const trigger = asRecord(value)?.trigger;
  return {
    name: action.verb,
    data: asRecord(action.data) ?? {},
    trigger: trigger === 'automatic' || trigger === 'manual' ? trigger : undefined,
  };
}

function kindOf(activity: Activity): TurnKind {
  switch (activity.type) {
    case 'installationUpdate':
      if (activity.action === 'add') return 'install';
      if (activity.action === 'remove') return 'uninstall';
      return 'other';
    case 'conversationUpdate':
      if (includesBot(activity.membersAdded, activity)) return 'install';
      if (includesBot(activity.membersRemoved, activity)) return 'uninstall';
      return 'other';
    case 'message':
      return submitAction(activity.value) ? 'submit' : 'message';
    case 'invoke':
      return 'invoke';
    default:
      return 'other';
  }
}

/** Turns a Bot Framework activity into the plain turn our handlers understand. */
export function activityToTurn(activity: Activity, receivedAt: Date): Turn {
  const kind = kindOf(activity);
  // A mention with no text to remove it from would throw inside botbuilder.
  const hasText = kind === 'message' && typeof activity.text === 'string';
  const text = hasText ? TurnContext.removeRecipientMention(activity)?.trim() : undefined;
  return {
    kind,
    tenantId: tenantOf(activity),
    aadObjectId: activity.from?.aadObjectId,
    conversationType: activity.conversation?.conversationType,
    address: addressOf(activity),
    locale: activity.locale,
    text,
    action:
      kind === 'submit' ? submitAction(activity.value) : kind === 'invoke' ? executeAction(activity.value) : undefined,
    files: kind === 'message' ? filesOf(activity.attachments) : undefined,
    invokeName: kind === 'invoke' ? activity.name : undefined,
    receivedAt,
  };
}
