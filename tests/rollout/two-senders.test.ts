import { useConnectorStandIn } from '../support/connector-stand-in';
import { useTestRollouts } from '../support/rollout-fixture';

const connector = useConnectorStandIn();

const rollouts = useTestRollouts(connector);

/** Two senders on one SQLite file, as two instances or the CLI beside the service would be. */
async function twoSenders(recipients: number, env: Record<string, string>) {
  const first = await rollouts.setUp(recipients, env);
  return { first, second: rollouts.alongside(first, env) };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const messagesPerConversation = () => {
  const counts = new Map<string, number>();
  for (const s of connector.sent) counts.set(s.conversationId, (counts.get(s.conversationId) ?? 0) + 1);
  return [...counts.values()];
};

describe('two senders on one ledger', () => {
  // Before: the lease (2 s here) ran out while the first sender's batch waited for the 429's
  // Retry-After; the second took it over, claimed the same rows and both sent them.
  it('keep apart through a Retry-After longer than the lease: nobody gets a nudge twice', async () => {
    const { first, second } = await twoSenders(8, { SEND_CONCURRENCY: '8', ROLLOUT_LEASE_SECONDS: '2' });
    connector.failures.push({ status: 429, code: 'Throttled', retryAfterSeconds: 3 });
    await first.campaign.sendNow('passwords', 'nudge', 'cli', new Date());
    await until(() => connector.attempts > 0, 'the first sender to meet the 429');
    await Promise.all([second.engine.drain(), first.campaign.idle()]);
    expect(messagesPerConversation()).toEqual(Array.from({ length: 8 }, () => 1));
    expect((await first.stores.deliveries.counts()).get('manual/passwords/nudge')).toMatchObject({ sent: 8 });
  });
});
