import http from 'node:http';
import type { AddressInfo } from 'node:net';

const IDENTITY_HEADER = 'stand-in-identity-header';

/**
 * A loopback stand-in for the App Service managed-identity endpoint
 * (IDENTITY_ENDPOINT, api-version 2019-08-01), where @azure/identity gets the
 * bot's Bot Framework token when MicrosoftAppType=UserAssignedMSI. It goes
 * through botframework-connector's own credentials, as in production. (A
 * client secret would need MSAL's instance discovery at login.microsoftonline.com
 * for any authority but Microsoft's, which a test on loopback cannot answer.)
 * With `hang` set, requests are held unanswered, as a hung Entra ID would
 * leave them, until answerHeld() answers them with a valid token.
 */
export class ManagedIdentityStandIn {
  /** The client id (the bot's app id) and resource of each token request. */
  readonly requests: { clientId: string; resource: string }[] = [];
  readonly issued: string[] = [];
  hang = false;
  private held: http.ServerResponse[] = [];
  private readonly server = http.createServer((req, res) => this.answer(req, res));
  private previousEnv: Record<string, string | undefined> = {};

  /** Starts listening and points @azure/identity at this stand-in (IDENTITY_ENDPOINT, IDENTITY_HEADER). */
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const port = (this.server.address() as AddressInfo).port;
    this.previousEnv = {
      IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT,
      IDENTITY_HEADER: process.env.IDENTITY_HEADER,
    };
    process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${port}/msi/token`;
    process.env.IDENTITY_HEADER = IDENTITY_HEADER;
  }

  async stop(): Promise<void> {
    for (const [name, value] of Object.entries(this.previousEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answers every held request with a valid token; resolves once the answers are written. */
  async answerHeld(): Promise<void> {
    const held = this.held;
    this.held = [];
    this.hang = false;
    await Promise.all(held.map((res) => new Promise<void>((resolve) => this.issue(res, resolve))));
  }

  /** Resolves when at least `count` token requests have arrived. */
  async waitForRequests(count: number, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.requests.length < count) {
      if (Date.now() > until) throw new Error(`expected ${count} token requests, got ${this.requests.length}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (url.pathname !== '/msi/token' || req.headers['x-identity-header'] !== IDENTITY_HEADER) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 400, message: 'stand-in: bad managed identity request' }));
      return;
    }
    this.requests.push({
      clientId: url.searchParams.get('client_id') ?? '',
      resource: url.searchParams.get('resource') ?? '',
    });
    if (this.hang) this.held.push(res);
    else this.issue(res);
  }

  private issue(res: http.ServerResponse, written?: () => void): void {
    const token = `stand-in-bot-token-${this.issued.length + 1}`;
    this.issued.push(token);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        access_token: token,
        expires_on: String(Math.floor(Date.now() / 1000) + 3600),
        resource: 'https://api.botframework.com',
        token_type: 'Bearer',
      }),
      written,
    );
  }
}
