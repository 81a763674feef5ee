import { constants, createPublicKey, createVerify, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TlsMaterial } from './self-signed-tls';

/** One token request as the stand-in saw it. */
export interface TokenRequest {
  tenant: string;
  clientId: string;
  scope: string;
  /** secret, certificate (a client assertion whose signature checked out) or managed-identity. */
  proof: 'secret' | 'certificate' | 'managed-identity' | 'invalid';
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** RS256/PS256 client assertion (RFC 7523) signed by the private key of `certPem`. */
function assertionIsSignedBy(assertion: string, certPem: string): boolean {
  const [header, payload, signature] = assertion.split('.');
  if (!header || !payload || !signature) return false;
  const alg = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string }).alg;
  const key = createPublicKey(certPem);
  const verifier = createVerify('RSA-SHA256').update(`${header}.${payload}`);
  const options = alg === 'PS256' ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : key;
  return verifier.verify(options, Buffer.from(signature, 'base64url'));
}

/**
 * A loopback stand-in for the Microsoft identity platform (v2.0): the OpenID
 * metadata MSAL reads first, and the token endpoint for the client-credentials
 * grant with a client secret or a certificate assertion. Issues opaque tokens
 * that the Graph stand-in accepts.
 */
export class TokenStandIn {
  readonly requests: TokenRequest[] = [];
  readonly issued = new Set<string>();
  /** While set, token requests get no answer until release(): a hung identity platform. */
  private held: (() => void)[] | undefined;
  private readonly server: https.Server;

  constructor(
    tls: TlsMaterial,
    private readonly expected: { clientId: string; secret?: string; clientCertPem?: string },
  ) {
    this.server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => this.answer(req, res));
  }

  async start(port = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Token requests from now on hang, unanswered, until release(). */
  hold(): void {
    this.held ??= [];
  }

  /** Answers the held token requests and stops holding. */
  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const answer of held) answer();
  }

  async stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', this.url);
      const [tenant = '', ...rest] = url.pathname.split('/').filter(Boolean);
      const route = rest.join('/');
      const base = `${this.url}/${tenant}`;
      if (req.method === 'GET' && route === 'v2.0/.well-known/openid-configuration') {
        return json(res, 200, {
          issuer: `${base}/v2.0`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
          response_types_supported: ['code', 'id_token', 'token id_token'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
        });
      }
      if (req.method === 'GET' && url.pathname === '/msi/token') return this.managedIdentity(req, url, res);
      if (req.method !== 'POST' || route !== 'oauth2/v2.0/token') return json(res, 404, { error: 'not_found' });
      if (this.held) return void this.held.push(() => this.token(chunks, tenant, res));
      this.token(chunks, tenant, res);
    });
  }

  /** The client-credentials grant: a token for a valid secret or certificate assertion, else 401. */
  private token(chunks: Buffer[], tenant: string, res: ServerResponse): void {
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const assertion = form.get('client_assertion');
    const proof: TokenRequest['proof'] =
      this.expected.secret !== undefined && form.get('client_secret') === this.expected.secret
        ? 'secret'
        : assertion && this.expected.clientCertPem && assertionIsSignedBy(assertion, this.expected.clientCertPem)
          ? 'certificate'
          : 'invalid';
    const request = { tenant, clientId: form.get('client_id') ?? '', scope: form.get('scope') ?? '', proof };
    this.requests.push(request);
    const valid =
      form.get('grant_type') === 'client_credentials' &&
      request.clientId === this.expected.clientId &&
      request.scope.split(' ').includes('https://graph.microsoft.com/.default') &&
      proof !== 'invalid';
    if (!valid) return json(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: stand-in' });
    json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: this.issue() });
  }

  private issue(): string {
    const token = `stand-in-token-${randomUUID()}`;
    this.issued.add(token);
    return token;
  }

  /** The App Service managed-identity endpoint (IDENTITY_ENDPOINT, api-version 2019-08-01). */
  private managedIdentity(req: IncomingMessage, url: URL, res: ServerResponse): void {
    const valid =
      req.headers['x-identity-header'] === 'stand-in-identity-header' &&
      url.searchParams.get('resource') === 'https://graph.microsoft.com';
    this.requests.push({
      tenant: '',
      clientId: url.searchParams.get('client_id') ?? '',
      scope: url.searchParams.get('resource') ?? '',
      proof: valid ? 'managed-identity' : 'invalid',
    });
    if (!valid) return json(res, 400, { statusCode: 400, message: 'stand-in: bad managed identity request' });
    const expiresOn = String(Math.floor(Date.now() / 1000) + 3600);
    json(res, 200, {
      access_token: this.issue(),
      expires_on: expiresOn,
      resource: 'https://graph.microsoft.com',
      token_type: 'Bearer',
    });
  }
}
