/**
 * The bare botbuilder bot that bench:turn compares refleks with: the same
 * restify server and body parser, the same CloudAdapter in local mode, and a
 * handler that only echoes the text. Listens on PORT.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import restify from 'restify';
import { MAX_BODY_BYTES } from '../../src/server/create-server';

const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: '',
    MicrosoftAppTenantId: '',
  }),
);
const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (context) => {
    await context.sendActivity(MessageFactory.text(context.activity.text ?? ''));
  });
});
server.listen(Number(process.env.PORT ?? 3978), '127.0.0.1');
// Exit cleanly when bench:turn is done, so profilers and coverage tools can write their output.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
