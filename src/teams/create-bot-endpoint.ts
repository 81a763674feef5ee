import {
  ActivityTypes,
  CloudAdapter,
  type Activity,
  type InvokeResponse,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationError,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
} from 'botframework-connector';
import type { App } from '../app/create-app';
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

/**
 * CloudAdapter.process() authenticates too, but prints every refused request's
 * stack trace with console.error, outside the logs, so anyone without a token
 * could flood them. refleks authenticates with the same botbuilder code first
 * and hands the adapter the checked identity, as botbuilder's own named-pipe
 * path does. (process() also turns timestamp strings into Dates; refleks reads none.)
 */
class CheckedIdentityAdapter extends CloudAdapter {
  runTurn(
    identity: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(identity, activity, logic);
  }
}

/** An HTTP answer the way botbuilder writes its own, so restify, Express and plain Node all take it. */
function answer(res: Response, status: number, body?: unknown): void {
  res.status(status);
  if (body !== undefined) res.send(body);
  res.end();
}

function authorizationOf(req: Request): string {
  const header = req.headers.authorization ?? req.headers.Authorization;
  return typeof header === 'string' ? header : '';
}

/** The Teams edge: Bot Framework activities in, plain turns to the app, replies out. */
export function createBotEndpoint(
  auth: BotFrameworkAuthentication,
  app: App,
  log: Logger,
  clock: () => Date = () => new Date(),
): BotEndpoint {
  const authentication = new ReusingBotFrameworkAuthentication(auth);
  const adapter = new CheckedIdentityAdapter(authentication);
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

  /** The caller's identity, or undefined once a refusal has been answered: 401, as botbuilder answers it. */
  async function authenticate(activity: Activity, req: Request, res: Response) {
    const authorization = authorizationOf(req);
    try {
      return await authentication.authenticateRequest(activity, authorization);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      // One line and never the header: botbuilder's messages name at most a claim, not the token.
      log.warn({ status: 401, tokenSent: authorization !== '', reason: error.message }, 'request not authenticated');
      answer(res, 401, error.message);
      return undefined;
    }
  }

  return {
    async handle(req, res) {
      const checked = checkActivity(req.body);
      if (!checked.ok) {
        log.warn({ fields: checked.fields }, 'request to /api/messages is not a usable activity');
        answer(res, 400, { error: 'The body is not a usable Bot Framework activity.', fields: checked.fields });
        return;
      }
      try {
        const identity = await authenticate(checked.activity, req, res);
        if (!identity) return;
        const invokeResponse = await adapter.runTurn(identity, checked.activity, onTurn);
        answer(res, invokeResponse?.status ?? 200, invokeResponse?.body);
      } catch (error) {
        // Not the turn (onTurnError answers for that) but botbuilder around it, e.g. no connector client.
        const err = error instanceof Error ? { message: error.message, stack: error.stack } : undefined;
        log.error(
          { errorType: error instanceof Error ? error.name : typeof error, err },
          'request could not be handled',
        );
        answer(res, 500);
      }
    },
  };
}
