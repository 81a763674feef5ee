import { ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard, Reply, TurnResult } from '../domain/turn';

/** A reply as a Bot Framework message activity. */
export function toActivity(reply: Reply) {
  return reply.kind === 'text'
    ? MessageFactory.text(reply.text)
    : MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
}

/** The answer Teams expects to Action.Execute: a card that replaces the old one. */
function cardInvokeResponse(card: AdaptiveCard) {
  return {
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  };
}

/**
 * An Action.Execute the bot cannot do: HTTP 200 with an error body, as the
 * Universal Actions response format asks, so Teams keeps the card it shows.
 */
function actionErrorResponse(message: string) {
  const error = { code: 'BadRequest', message };
  return {
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: error } },
  };
}

function invokeResponse(result: TurnResult) {
  if (result.updatedCard) return cardInvokeResponse(result.updatedCard);
  if (result.actionError) return actionErrorResponse(result.actionError.message);
  return { type: ActivityTypes.InvokeResponse, value: { status: 200 } };
}

/** The only place where replies leave refleks through botbuilder. */
export async function sendTurnResult(context: TurnContext, result: TurnResult): Promise<void> {
  if (context.activity.type === ActivityTypes.Invoke) await context.sendActivity(invokeResponse(result));
  for (const reply of result.replies) await context.sendActivity(toActivity(reply));
}
