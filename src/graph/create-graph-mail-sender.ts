import type { TokenCredential } from '@azure/identity';
import { AuthenticationHandler, Client, GraphError, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { parseRetryAfter } from '../domain/retry-after';
import { withDeadline } from '../domain/with-deadline';
import type { MailOutcome, MailSender, OutgoingMail } from '../reports/delivery-ports';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface GraphMailOptions {
  credential: TokenCredential;
  /** e.g. https://graph.microsoft.com/v1.0 */
  baseUrl: string;
  senderMailbox: string;
  timeoutMs: number;
}

/** The sendMail request body as Graph documents it (message resource, fileAttachment). */
export function sendMailBody(mail: OutgoingMail) {
  return {
    message: {
      subject: mail.subject,
      body: { contentType: 'HTML', content: mail.html },
      toRecipients: [{ emailAddress: { address: mail.to } }],
      ...(mail.replyTo ? { replyTo: [{ emailAddress: { address: mail.replyTo } }] } : {}),
      attachments: mail.attachments.map((file) => ({
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: file.name,
        contentType: file.contentType,
        contentBytes: file.contentBase64,
      })),
    },
    saveToSentItems: true,
  };
}

function toOutcome(error: unknown): MailOutcome {
  // Graph accepted the mail; only reading an unexpected response body failed.
  if (error instanceof GraphError && error.statusCode >= 200 && error.statusCode < 300) return { status: 'sent' };
  if (error instanceof GraphError && error.statusCode > 0) {
    return {
      status: 'failed',
      httpStatus: error.statusCode,
      code: error.code ?? undefined,
      retryAfterMs: parseRetryAfter(error.headers?.get('retry-after')),
    };
  }
  const name = error instanceof GraphError ? error.code : (error as Error | undefined)?.name;
  return { status: 'failed', code: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network' };
}

/**
 * POST /users/{sender}/sendMail with the Graph client. The middleware chain is
 * authentication + HTTP only: the client's own RetryHandler would retry 429
 * and 5xx behind the outbox's back. Graph answers 202 when it has the mail.
 */
export function createGraphMailSender(options: GraphMailOptions): MailSender {
  const base = new URL(options.baseUrl);
  const credential: TokenCredential = {
    getToken: (scopes, tokenOptions) =>
      options.credential.getToken(scopes, { ...tokenOptions, abortSignal: AbortSignal.timeout(options.timeoutMs) }),
  };
  const client = Client.initWithMiddleware({
    baseUrl: base.origin,
    defaultVersion: base.pathname.replace(/^\/+|\/+$/g, ''),
    // The auth handler only signs requests to Graph hosts; a stand-in must be named.
    customHosts: new Set([base.hostname]),
    middleware: [
      new AuthenticationHandler(new TokenCredentialAuthenticationProvider(credential, { scopes: [GRAPH_SCOPE] })),
      new HTTPMessageHandler(),
    ],
  });
  return {
    async send(mail) {
      try {
        // The deadline covers the token too: a hung token endpoint must not hold the outbox past its lease.
        await withDeadline(options.timeoutMs, (signal) =>
          client
            .api(`/users/${encodeURIComponent(options.senderMailbox)}/sendMail`)
            .option('signal', signal)
            .post(sendMailBody(mail)),
        );
        return { status: 'sent' };
      } catch (error) {
        return toOutcome(error);
      }
    },
  };
}
