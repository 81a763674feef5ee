import { OTHER_TENANT, TENANT } from '../support/activities';
import { useConnectorStandIn } from '../support/connector-stand-in';
import { addRecipients, recipientId, useTestRollouts } from '../support/rollout-fixture';

const connector = useConnectorStandIn();

const { setUp } = useTestRollouts(connector);

/** A large municipality's round: 50 sends at 10 per second take about five seconds. */
const LARGE = 50;
const slowLargeTenant = { RATE_LIMIT_RPS: '10', SEND_CONCURRENCY: '2' };
const smallConversation = `a:${OTHER_TENANT}:${recipientId(0)}`;
/** How many of the large municipality's sends had arrived when the small one's message did. */
const largeSentBeforeSmall = () => connector.sent.findIndex((s) => s.conversationId === smallConversation);
const largeSent = () => connector.sent.filter((s) => s.conversationId.startsWith(`a:${TENANT}:`)).length;

// Before: the municipalities' rounds started together, so the small one's retry (or its new work)
// waited until the large one's whole round had ended, here after all 50 of its sends.
describe('several municipalities in one service', () => {
  it("retry a small municipality's send while a large one's round is still going", async () => {
    // A 503 is retried after 1.25–2.5 s: more than the second a round waits for itself.
    const f = await setUp(LARGE, { ...slowLargeTenant, SEND_RETRY_SECONDS: '2.5' });
    await addRecipients(f.stores, connector.url, 1, OTHER_TENANT);
    connector.conversationFailures.set(smallConversation, [{ status: 503 }]);
    await f.campaign.sendNow('passwords', 'nudge', 'cli', new Date());
    await f.campaign.idle();
    expect(connector.attempts).toBe(LARGE + 2);
    expect(connector.sent).toHaveLength(LARGE + 1);
    // Due after at most 2.5 s, while the large round takes about 5 s: it arrives with well over
    // a second of that round to go.
    expect(largeSentBeforeSmall()).toBeLessThan(LARGE - 10);
  });

  it("send a small municipality's new message at once while a large one's round is still going", async () => {
    const f = await setUp(LARGE, slowLargeTenant);
    await addRecipients(f.stores, connector.url, 1, OTHER_TENANT);
    await f.campaign.sendNow('passwords', 'nudge', 'cli', new Date(), TENANT);
    const run = f.campaign.idle();
    await connector.waitForSent(5);
    // The small municipality's admin sends a message of their own in the middle of the large round.
    await f.campaign.sendNow('passwords', 'nudge', 'admin', new Date(), OTHER_TENANT);
    await connector.waitForSent(LARGE + 1, 10_000);
    await run;
    expect(largeSentBeforeSmall()).toBeLessThan(LARGE - 10);
    expect(largeSent()).toBe(LARGE);
  });
});
