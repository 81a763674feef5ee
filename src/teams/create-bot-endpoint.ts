import { ActivityTypes, CloudAdapter, type Request, type Response, type TurnContext } from 'botbuilder';
import type { App } from '../app/create-app';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from '../log/create-logger';
import { checkActivity } from './activity-shape';
import { activityToTurn } from './activity-to-turn';
import { ReusingBotFrameworkAuthentication } from './reuse-turn-clients';
import { sendTurnResult } from './send-turn-result';
import { createTurnErrorHandler } from './turn-error-handler';

export interface BotEndpoint {
  /** Handles one POST /api/messages whose body is already parsed. */
  handle(req: Request, res: Response): Promise<void>;
}

/** An HTTP answer the way botbuilder writes its own, so restify, Express and plain Node all take it. */
function answer(res: Response, status: number, body?: unknown): void {
  res.status(status);
  if (body !== undefined) res.send(body);
  res.end();
}

/** The Teams edge: Bot Framework activities in, plain turns to the app, replies out. */
export function createBotEndpoint(
  auth: BotFrameworkAuthentication,
  app: App,
  log: Logger,
  clock: () => Date = () => new Date(),
): BotEndpoint {
  const adapter = new CloudAdapter(new ReusingBotFrameworkAuthentication(auth));
  adapter.onTurnError = createTurnErrorHandler(app, log);

  async function onTurn(context: TurnContext): Promise<void> {
    const turn = activityToTurn(context.activity, clock());
    const outcome = await app.handleTurn(turn);
    if (outcome.status === 'refused') {
      // The tenant id is the only thing we log about a refused activity.
      log.warn({ tenantId: turn.tenantId ?? 'missing', reason: outcome.reason }, 'activity refused');
      if (turn.kind === 'invoke')
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
      return;
    }
    log.info({ kind: turn.kind, route: outcome.route, replies: outcome.result.replies.length }, 'turn handled');
    await sendTurnResult(context, outcome.result);
  }

  return {
    async handle(req, res) {
      const checked = checkActivity(req.body);
      if (!checked.ok) {
        log.warn({ fields: checked.fields }, 'request to /api/messages is not a usable activity');
        answer(res, 400, { error: 'The body is not a usable Bot Framework activity.', fields: checked.fields });
        return;
      }
      // botbuilder reads the body again: give it the normalised activity.
      req.body = checked.activity as unknown as Record<string, unknown>;
      await adapter.process(req, res, onTurn);
    },
  };
}
