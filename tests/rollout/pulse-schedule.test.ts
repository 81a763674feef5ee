import { buildSchedule, type CampaignSettings } from '../../src/calendar/campaign-schedule';
import { pulseMessage, withPulse } from '../../src/calendar/pulse-schedule';
import { TENANT } from '../support/activities';
import { useConnectorStandIn } from '../support/connector-stand-in';
import { addRecipients, createTestRollout, recipientId } from '../support/rollout-fixture';
import { campaignSettings } from '../support/campaign-settings';

const settings = campaignSettings;
const pulses = (s: CampaignSettings) =>
  withPulse(s, buildSchedule(s))
    .filter((m) => m.kind.startsWith('pulse'))
    .map((m) => `${m.id} ${m.themeId} ${m.slot.toISOString()}`);

describe('the pulse in the campaign calendar', () => {
  it('goes out an hour before the first nudge and a week after the last follow-up, on a working day', () => {
    // First nudge Tue 1 Sep 2026 09:00; last check 22 June 2027, + 7 days = Tue 29 June, 09:00 Oslo (summer time).
    expect(pulses(settings())).toEqual([
      '2026-09/pulse/before lock-devices 2026-09-01T06:00:00.000Z',
      '2026-09/pulse/after report-it 2027-06-29T07:00:00.000Z',
    ]);
    const schedule = withPulse(settings(), buildSchedule(settings()));
    expect(schedule[0]?.kind).toBe('pulse-before');
    expect(schedule.at(-1)?.kind).toBe('pulse-after');
  });

  it('follows the theme order and skips holidays; without follow-ups it waits a week after the last nudge', () => {
    // Three themes from December: last nudge Mon 1 Feb 2027 → Mon 8 Feb.
    const short = settings({ start: { year: 2026, month: 12 }, themeOrder: ['two-factor', 'passwords', 'report-it'] });
    expect(pulses({ ...short, followUpWeeks: 0 })).toEqual([
      '2026-12/pulse/before two-factor 2026-12-01T07:00:00.000Z',
      '2026-12/pulse/after report-it 2027-02-08T08:00:00.000Z',
    ]);
    // One theme in March 2029: check Thu 22 Mar; + 7 = Maundy Thursday 29 Mar; Easter → Tue 3 Apr 2029.
    const easter = settings({ start: { year: 2029, month: 3 }, themeOrder: ['lock-devices'] });
    expect(pulses(easter)[1]).toBe('2029-03/pulse/after lock-devices 2029-04-03T07:00:00.000Z');
  });

  it('has the same id whether sent on schedule or by hand, and a manual one without a calendar', () => {
    expect(pulseMessage(settings(), 'after')).toEqual({
      id: '2026-09/pulse/after',
      themeId: 'report-it',
      kind: 'pulse-after',
    });
    expect(pulseMessage(undefined, 'before')).toEqual({
      id: 'manual/pulse/before',
      themeId: 'lock-devices',
      kind: 'pulse-before',
    });
  });
});

describe('the pulse through the delivery engine', () => {
  const connector = useConnectorStandIn();
  const cardOf = (i: number) =>
    (connector.sent[i]?.activity.attachments as { content: Record<string, unknown> }[] | undefined)?.[0]?.content;

  it('is sent on schedule once to everyone, counts in no theme, and is never sent twice by hand', async () => {
    const f = createTestRollout({ CAMPAIGN_START: '2026-09', CATCH_UP_HOURS: '48' });
    try {
      await addRecipients(f.stores, connector.url, 3);
      const nudgeSlot = new Date('2026-09-01T07:00:00Z');

      await f.campaign.tick(new Date(nudgeSlot.getTime() - 30 * 60_000));
      await f.campaign.idle();
      expect(connector.sent).toHaveLength(3);
      const card = cardOf(0);
      expect((card?.actions as { verb: string }[])[0]?.verb).toBe('pulse-answer');
      expect((card?.body as { type: string }[]).filter((b) => b.type === 'Input.ChoiceSet')).toHaveLength(5);
      // A pulse says nothing about which theme a person has read, nor who a theme reached.
      expect(await f.stores.deliveries.recentThemeIds(TENANT, recipientId(0))).toEqual([]);
      expect(await f.stores.events.reachFacts()).toEqual([]);

      const byHand = await f.campaign.sendPulse('before', 'admin', new Date());
      await f.campaign.idle();
      expect(byHand).toEqual({ id: '2026-09/pulse/before', queued: 0 });
      expect(connector.sent).toHaveLength(3);

      await f.campaign.tick(new Date(nudgeSlot.getTime() + 60_000));
      await f.campaign.idle();
      expect(connector.sent).toHaveLength(6);
      expect(await f.stores.deliveries.recentThemeIds(TENANT, recipientId(0))).toEqual(['lock-devices']);
      expect(await f.stores.events.reachFacts()).toEqual([{ tenantId: TENANT, themeId: 'lock-devices', people: 3 }]);

      const status = await f.campaign.status(new Date(nudgeSlot.getTime() + 60_000));
      expect(status.messages[0]).toMatchObject({
        id: '2026-09/pulse/before',
        kind: 'pulse-before',
        state: 'started',
        trigger: 'schedule',
        counts: { sent: 3 },
      });
      expect(status.messages.at(-1)).toMatchObject({ id: '2026-09/pulse/after', state: 'upcoming' });
    } finally {
      await f.engine.stop();
      await f.stores.health.close();
    }
  });

  it('can be sent by hand without a calendar, once', async () => {
    const f = createTestRollout();
    try {
      await addRecipients(f.stores, connector.url, 2);
      expect(await f.campaign.sendPulse('after', 'cli', new Date())).toEqual({ id: 'manual/pulse/after', queued: 2 });
      await f.campaign.idle();
      expect(await f.campaign.sendPulse('after', 'cli', new Date())).toEqual({ id: 'manual/pulse/after', queued: 0 });
      await f.campaign.idle();
      expect(connector.sent).toHaveLength(2);
      expect(JSON.stringify(cardOf(0))).toContain('etter kampanjen');
    } finally {
      await f.engine.stop();
      await f.stores.health.close();
    }
  });
});
