import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { sendMailSchema, type SendMailRequest } from './send-mail-schema';
import type { TlsMaterial } from './self-signed-tls';

export interface ReceivedMail {
  mailbox: string;
  request: SendMailRequest;
  bytes: number;
}

/** What the next request gets instead of 202: an error answer, or a long silence. */
export type GraphFailure = { status: number; code?: string; retryAfterSeconds?: number } | { hangMs: number };

/** Graph refuses requests over 4 MB (4 MiB) with 413; larger mails need an upload session. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/**
 * A loopback stand-in for Microsoft Graph's POST /v1.0/users/{id}/sendMail.
 * It checks the bearer token (when told which tokens are valid) and the body
 * against the documented schema, answers 202 like Graph, records each mail,
 * and can fail on command: errors with Retry-After, slow answers, or refused
 * connections (down() / up()). Runs over https when given TLS material.
 */
export class GraphStandIn {
  readonly mails: ReceivedMail[] = [];
  readonly failures: GraphFailure[] = [];
  /** Every request to sendMail, answered or not, and when it came (ms since epoch). */
  attempts = 0;
  readonly attemptTimes: number[] = [];
  readonly rejected: string[] = [];
  /** Graph slow but working: each mail is recorded when it arrives and answered with 202 this much later. */
  answerDelayMs = 0;
  private server: http.Server;
  private port = 0;
  private sockets = new Set<Socket>();

  constructor(
    private readonly options: {
      tls?: TlsMaterial;
      validTokens?: Set<string>;
      onMail?: (mail: ReceivedMail) => void;
    } = {},
  ) {
    this.server = this.createServer();
  }

  private createServer(): http.Server {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => this.answer(req, res);
    const { tls } = this.options;
    const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : http.createServer(handler);
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    return server;
  }

  async start(port = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this.url;
  }

  get url(): string {
    return `${this.options.tls ? 'https' : 'http'}://127.0.0.1:${this.port}/v1.0`;
  }

  /** Stops listening: connections are refused until up(). */
  async down(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server = this.createServer();
  }

  async up(): Promise<void> {
    await this.start(this.port);
  }

  async stop(): Promise<void> {
    if (this.server.listening) await this.down();
  }

  /** Back to a healthy, empty stand-in between tests. */
  reset(): void {
    this.mails.length = 0;
    this.failures.length = 0;
    this.rejected.length = 0;
    this.attemptTimes.length = 0;
    this.attempts = 0;
    this.answerDelayMs = 0;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        if (res.destroyed) return;
        // Like Graph: 202 with an empty body and no content type.
        const type: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
        res.writeHead(status, { ...type, ...headers });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      const error = (status: number, code: string, message: string) => send(status, { error: { code, message } });
      const match = /^\/v1\.0\/users\/([^/]+)\/sendMail$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) return error(404, 'ResourceNotFound', 'unknown route');
      this.attempts += 1;
      this.attemptTimes.push(Date.now());
      const failure = this.failures.shift();
      if (failure && 'hangMs' in failure) {
        setTimeout(() => send(202), failure.hangMs);
        return;
      }
      if (failure) {
        const headers: Record<string, string> = {};
        if (failure.retryAfterSeconds !== undefined) headers['retry-after'] = String(failure.retryAfterSeconds);
        return send(
          failure.status,
          { error: { code: failure.code ?? 'ServiceUnavailable', message: 'scripted' } },
          headers,
        );
      }
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (this.options.validTokens && (!token || !this.options.validTokens.has(token))) {
        this.rejected.push('no valid bearer token');
        return error(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
      }
      const raw = Buffer.concat(chunks);
      if (raw.length > MAX_REQUEST_BYTES) return error(413, 'RequestBodyTooLarge', 'The request is over 4 MB.');
      let parsed: ReturnType<typeof sendMailSchema.safeParse>;
      try {
        parsed = sendMailSchema.safeParse(JSON.parse(raw.toString('utf8')));
      } catch {
        return error(400, 'BadRequest', 'Body is not JSON.');
      }
      if (!parsed.success) {
        this.rejected.push(parsed.error.message);
        return error(400, 'ErrorInvalidRequest', parsed.error.message);
      }
      const mail = { mailbox: decodeURIComponent(match[1] ?? ''), request: parsed.data, bytes: raw.length };
      this.mails.push(mail);
      this.options.onMail?.(mail);
      if (this.answerDelayMs > 0) setTimeout(() => send(202), this.answerDelayMs);
      else send(202);
    });
  }
}
