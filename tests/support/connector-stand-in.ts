import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent, as the Bot Connector received it. */
export interface SentActivity {
  conversationId: string;
  replyToId?: string;
  activity: Record<string, unknown>;
  authorization?: string;
}

/** An error answer as the Bot Connector documents it: status, error code, Retry-After. */
export interface ScriptedFailure {
  status: number;
  code?: string;
  retryAfterSeconds?: number;
}

/**
 * A loopback stand-in for the Bot Connector REST API (v3). It answers
 * POST /v3/conversations/{id}/activities and /activities/{replyToId} the way
 * the real service does (200 with a ResourceResponse {id}) and records each
 * activity, so tests can see exactly what the bot sent over the wire.
 */
export class ConnectorStandIn {
  readonly sent: SentActivity[] = [];
  private readonly server = http.createServer((req, res) => this.answer(req, res));
  private counter = 0;
  private waiters: { count: number; resolve: () => void }[] = [];
  /** Milliseconds to wait before answering, to keep a turn in flight. */
  delayMs = 0;
  /** Every POST to an activities route, accepted or not. */
  attempts = 0;
  /** Every request of any kind, including roster lookups: proves that nothing at all reached the Bot Connector. */
  received = 0;
  /** Scripted refusals, used one per request before anything is accepted. */
  readonly failures: ScriptedFailure[] = [];
  /** Scripted refusals for one conversation only (by id), used before `failures`. */
  readonly conversationFailures = new Map<string, ScriptedFailure[]>();
  /**
   * Teams refuses a message over about 28 KB with 413 MessageSizeTooBig; set
   * this to answer the same way for a larger request body. Undefined: no limit.
   */
  maxActivityBytes: number | undefined;
  /**
   * Requests to leave unanswered and unrecorded, before the scripted failures:
   * activities the Bot Connector never accepted, e.g. to kill the bot while it waits.
   */
  hangs = 0;
  /** Roster entries by user id (29:…), answered at GET /v3/conversations/{id}/members/{userId} as Teams does. */
  readonly members = new Map<string, Record<string, unknown>>();

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves when at least `count` activities have arrived in total. */
  waitForSent(count: number, timeoutMs = 5000): Promise<void> {
    if (this.sent.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`expected ${count} sent activities, got ${this.sent.length}`)),
        timeoutMs,
      );
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.received += 1;
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const member = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(req.url ?? '');
      if (req.method === 'GET' && member) {
        const found = this.members.get(decodeURIComponent(member[1] ?? ''));
        res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(found ?? { error: { code: 'MemberNotFoundInConversation', message: 'not found' } }));
        return;
      }
      if (req.method !== 'POST' || !match) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'NotFound', message: 'unknown route' } }));
        return;
      }
      this.attempts += 1;
      if (this.hangs > 0) {
        this.hangs -= 1;
        return;
      }
      const body = Buffer.concat(chunks);
      const conversationId = decodeURIComponent(match[1] ?? '');
      const tooBig = this.maxActivityBytes !== undefined && body.length > this.maxActivityBytes;
      const failure: ScriptedFailure | undefined = tooBig
        ? { status: 413, code: 'MessageSizeTooBig' }
        : (this.conversationFailures.get(conversationId)?.shift() ?? this.failures.shift());
      if (failure) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (failure.retryAfterSeconds !== undefined) headers['retry-after'] = String(failure.retryAfterSeconds);
        res.writeHead(failure.status, headers);
        res.end(JSON.stringify({ error: { code: failure.code ?? 'ServiceError', message: 'scripted failure' } }));
        return;
      }
      let activity: Record<string, unknown>;
      try {
        activity = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BadArgument', message: 'invalid JSON' } }));
        return;
      }
      this.sent.push({
        conversationId,
        replyToId: match[2] ? decodeURIComponent(match[2]) : undefined,
        activity,
        authorization: req.headers.authorization,
      });
      this.counter += 1;
      const id = `sent-${this.counter}`;
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id }));
        this.waiters = this.waiters.filter((w) => (this.sent.length >= w.count ? (w.resolve(), false) : true));
      }, this.delayMs);
    });
  }
}

/** Jest hooks: one stand-in for the test file, emptied before each test. */
export function useConnectorStandIn(): ConnectorStandIn {
  const connector = new ConnectorStandIn();
  beforeAll(() => connector.start());
  afterAll(() => connector.stop());
  beforeEach(() => {
    connector.sent.length = 0;
    connector.failures.length = 0;
    connector.conversationFailures.clear();
    connector.maxActivityBytes = undefined;
    connector.attempts = 0;
    connector.received = 0;
    connector.delayMs = 0;
    connector.hangs = 0;
  });
  return connector;
}
