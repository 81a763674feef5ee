import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { App } from '../app/create-app';
import type { Logger } from '../log/create-logger';
import { tenantOf } from './activity-to-turn';
import { toActivity } from './send-turn-result';

/** The error's class name only: a send error carries the request, token included. */
const typeOf = (error: unknown) => (error instanceof Error ? error.name : typeof error);

/** For the log: pino's err serializer would overwrite a type inside err, so it sits beside it. */
function describeError(error: unknown) {
  const err = error instanceof Error ? { message: error.message, stack: error.stack } : undefined;
  return { errorType: typeOf(error), err };
}

/**
 * What botbuilder calls when a turn throws. Teams gets 200 for a message
 * whatever happens and never sends it again, so a user who wrote or pressed
 * Send is told that something went wrong and to try again; an invoke gets 500
 * (Teams shows its own error on the card). This must never throw: a failed
 * answer is logged, and the turn ends.
 */
export function createTurnErrorHandler(app: App, log: Logger) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
    const activity = context.activity;
    log.error({ ...describeError(error), activityType: activity.type }, 'turn failed');
    try {
      if (activity.type === ActivityTypes.Invoke) {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 500 } });
      } else if (activity.type === ActivityTypes.Message) {
        const locale = typeof activity.locale === 'string' ? activity.locale : undefined;
        const reply = app.failureReply({ tenantId: tenantOf(activity), locale });
        if (reply) await context.sendActivity(toActivity(reply));
      }
    } catch (answerError) {
      log.warn({ errorType: typeOf(answerError) }, 'could not tell the user the turn failed');
    }
  };
}
