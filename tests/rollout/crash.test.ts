import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/project-paths';
import { ConnectorStandIn } from '../support/connector-stand-in';
import { addRecipients, createTestRollout } from '../support/rollout-fixture';

const RECIPIENTS = 100;
const CONCURRENCY = 4;

/** Runs `npm run campaign -- send` as its own process, as an admin would. */
function campaignSend(dataDir: string) {
  return spawn(
    process.execPath,
    // `node --import tsx` keeps it one process: tsx's own CLI forks a child that a kill would miss.
    ['--import', 'tsx', 'src/cli/campaign.ts', 'send', 'two-factor', '--json'],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        SEND_CONCURRENCY: String(CONCURRENCY),
        RATE_LIMIT_RPS: '50',
        ROLLOUT_LEASE_SECONDS: '2',
        SEND_TIMEOUT_SECONDS: '1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

describe('a crash in the middle of a rollout', () => {
  const connector = new ConnectorStandIn();
  beforeAll(() => connector.start());
  afterAll(() => connector.stop());

  it('resumes after kill -9: nobody missed, duplicates no more than the sends in flight', async () => {
    const setup = createTestRollout();
    await addRecipients(setup.stores, connector.url, RECIPIENTS);
    await setup.stores.health.close();
    connector.delayMs = 150; // keep CONCURRENCY sends in flight when the kill lands

    const first = campaignSend(setup.dataDir);
    await connector.waitForSent(40, 20_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.on('exit', resolve));
    const receivedBeforeKill = connector.attempts;
    const inspect = createTestRollout({}, setup.dataDir);
    const afterKill = (await inspect.stores.deliveries.counts()).get('manual/two-factor/nudge');
    await inspect.stores.health.close();

    const second = campaignSend(setup.dataDir);
    let output = '';
    second.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => second.on('exit', resolve));
    connector.delayMs = 0;

    const perConversation = new Map<string, number>();
    for (const s of connector.sent)
      perConversation.set(s.conversationId, (perConversation.get(s.conversationId) ?? 0) + 1);
    const missing = RECIPIENTS - perConversation.size;
    const duplicates = [...perConversation.values()].reduce((sum, n) => sum + n - 1, 0);
    console.log(
      JSON.stringify({
        receivedBeforeKill,
        afterKill,
        missing,
        duplicates,
        inFlightLimit: CONCURRENCY,
      }),
    );

    expect(code).toBe(0);
    expect(JSON.parse(output)).toMatchObject({ sent: RECIPIENTS, pending: 0, failed: 0 });
    expect(missing).toBe(0);
    expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
  }, 60_000);
});
