import { ConnectorStandIn } from '../support/connector-stand-in';
import { addRecipients, createTestRollout } from '../support/rollout-fixture';

const connector = new ConnectorStandIn();
beforeAll(() => connector.start());
afterAll(() => connector.stop());

describe('the campaign clock', () => {
  it('catches up a slot missed while the service was down, once, within the window only', async () => {
    const f = createTestRollout({ CAMPAIGN_START: '2026-09', CATCH_UP_HOURS: '48', FOLLOW_UP_WEEKS: '3' });
    await addRecipients(f.stores, connector.url, 3);
    const slot = new Date('2026-09-01T07:00:00Z'); // 09:00 in Oslo, first working day
    // The pulse "before" is due an hour earlier, at 08:00.

    await f.campaign.tick(new Date(slot.getTime() - 2 * 3_600_000));
    await f.campaign.idle();
    expect(connector.sent).toHaveLength(0);

    // The service was down from 08:00 and comes back at 14:00: the pulse and the nudge are caught up.
    await f.campaign.tick(new Date(slot.getTime() + 5 * 3_600_000));
    await f.campaign.idle();
    expect(connector.sent).toHaveLength(6);

    // Every minute after that, the same slots are still due: nothing more is sent.
    await f.campaign.tick(new Date(slot.getTime() + 5 * 3_600_000 + 60_000));
    await f.campaign.idle();
    expect(connector.sent).toHaveLength(6);

    // Down for more than the window: the follow-up (22 Sep) is reported missed, not sent late.
    const late = new Date('2026-09-25T07:00:00Z');
    await f.campaign.tick(late);
    await f.campaign.idle();
    expect(connector.sent).toHaveLength(6);
    const status = await f.campaign.status(late);
    expect(status.messages.find((m) => m.id === '2026-09/lock-devices/check')?.state).toBe('missed');
    expect(status.messages.find((m) => m.id === '2026-09/lock-devices/nudge')).toMatchObject({
      state: 'started',
      counts: { sent: 3 },
    });
    expect(status.next?.id).toBe('2026-09/passwords/nudge');

    await f.engine.stop();
    await f.stores.health.close();
  });
});
