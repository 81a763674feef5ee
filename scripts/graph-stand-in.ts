/**
 * Local stand-ins for Microsoft Graph sendMail and the Entra token endpoint,
 * so «Meld fra» can run end to end on a laptop without a tenant:
 *
 *   npm run graph:stand-in                # prints the settings to use, then logs each mail
 *   NODE_EXTRA_CA_CERTS=.graph-stand-in/cert.pem npm start   # with the printed settings in .env
 *
 * Each mail is written to .graph-stand-in/mails/<reference>.html to open in a browser.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GraphStandIn } from './lib/graph-stand-in';
import { makeSelfSignedTls } from './lib/self-signed-tls';
import { TokenStandIn } from './lib/token-stand-in';

const DIR = path.resolve('.graph-stand-in');
const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT_ID = '0b6b5c0e-3a1c-4a55-9d5e-2f1f3f7e8a90';
const SECRET = 'local-stand-in-secret';

async function main(): Promise<void> {
  const tls = makeSelfSignedTls(DIR);
  const mails = path.join(DIR, 'mails');
  mkdirSync(mails, { recursive: true });
  const token = new TokenStandIn(tls, { clientId: CLIENT_ID, secret: SECRET });
  const graph = new GraphStandIn({
    tls,
    validTokens: token.issued,
    onMail: ({ mailbox, request, bytes }) => {
      const { subject, toRecipients, attachments = [] } = request.message;
      const reference = /MF-\d{4}-\d+/.exec(subject)?.[0] ?? `mail-${Date.now()}`;
      const file = path.join(mails, `${reference}.html`);
      writeFileSync(file, request.message.body.content);
      const to = toRecipients.map((r) => r.emailAddress.address).join(', ');
      console.log(
        `sendMail as ${mailbox} to ${to}: ${subject} (${bytes} bytes, ${attachments.length} attachments) → ${file}`,
      );
    },
  });
  await token.start(Number(process.env.TOKEN_STAND_IN_PORT ?? 4444));
  await graph.start(Number(process.env.GRAPH_STAND_IN_PORT ?? 4443));
  console.log(`Put these in .env, and start refleks with NODE_EXTRA_CA_CERTS=${tls.certPath}:

GRAPH_AUTH=secret
GRAPH_TENANT_ID=${TENANT}
GRAPH_CLIENT_ID=${CLIENT_ID}
GRAPH_CLIENT_SECRET=${SECRET}
GRAPH_AUTHORITY_HOST=${token.url}
GRAPH_BASE_URL=${graph.url}
REPORT_SENDER_MAILBOX=meldfra@kommune.example
IT_SUPPORT_EMAIL=it@kommune.example

Waiting for mail. Ctrl+C stops.`);
  const stop = () => void Promise.all([token.stop(), graph.stop()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('graph stand-in: could not start', error);
  process.exit(1);
});
