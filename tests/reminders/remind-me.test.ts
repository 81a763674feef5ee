import Database from 'better-sqlite3';
import path from 'node:path';
import { defaultReminderTime, pickableDays, toIsoDay } from '../../src/calendar/reminder-time';
import { osloWallClock } from '../../src/calendar/oslo-time';
import { executeActivity, messageActivity, submitActivity } from '../support/activities';
import { letTimePass, reminderRows, sentReminders } from '../support/reminder-fixture';
import { useLocalService } from '../support/use-local-service';
import { waitFor } from '../support/child-service';

const fixture = useLocalService({ REMINDER_INTERVAL_SECONDS: '0.1' });
const user = (locale = 'nb-NO') => ({
  aadObjectId: 'abababab-0000-4000-8000-000000000007',
  serviceUrl: fixture.connector.url,
  locale,
});

type Element = {
  type: string;
  id?: string;
  text?: string;
  value?: string;
  min?: string;
  max?: string;
  items?: Element[];
  facts?: { title: string; value: string }[];
  actions?: { type: string; title: string; verb?: string; data: Record<string, string> }[];
};
type Card = { body: Element[]; actions?: Element['actions'] };

const dayOf = (at: Date) => {
  const { year, month, day } = osloWallClock(at);
  return toIsoDay({ year, month, day });
};
const allText = (card: Card) =>
  card.body.flatMap((b) => [b.text ?? '', ...(b.items ?? []).map((i) => i.text ?? '')]).filter(Boolean);
const inputOf = (card: Card) => card.body.find((b) => b.type === 'Input.Date');
const suggestion = (card: Card) => card.body.find((b) => b.type === 'ActionSet')?.actions?.[0];

const reminderEvents = () => {
  const db = new Database(path.join(fixture.dataDir(), 'refleks.db'), { readonly: true });
  try {
    return db.prepare("SELECT theme_id, pseudonym FROM events WHERE type = 'reminder-set'").all() as {
      theme_id: string;
      pseudonym: string;
    }[];
  } finally {
    db.close();
  }
};

async function execute(verb: string, data: Record<string, string>, locale?: string): Promise<Card> {
  const res = await fixture.service().post(executeActivity(user(locale), verb, data));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { type: string; value: Card };
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return body.value;
}

describe('«Minn meg på det» through the real server', () => {
  it('offers the coming Friday at 10:00 or a day of your own, from the nudge button', async () => {
    const before = new Date();
    await fixture.service().post(submitActivity(user(), { action: 'remind', theme: 'lock-devices' }));
    await fixture.connector.waitForSent(1);
    const card = fixture.sentCard(0) as Card;
    const after = new Date();
    expect(allText(card)).toContain('Når vil du at jeg skal minne deg på det?');
    expect(allText(card)).toContain(
      'Trykk Windows+L (eller Ctrl+Cmd+Q på Mac) neste gang du reiser deg fra stolen i dag.',
    );
    const friday = suggestion(card);
    expect(friday).toMatchObject({ type: 'Action.Execute', verb: 'remind-set', data: { choice: 'default' } });
    expect([dayOf(defaultReminderTime(before)), dayOf(defaultReminderTime(after))]).toContain(friday?.data.defaultDay);
    expect(friday?.title).toMatch(/^Fredag \d+\. \p{L}+ kl\. 10\.00$/u);
    expect(inputOf(card)).toMatchObject({
      id: 'pickedDay',
      min: toIsoDay(pickableDays(after).min),
      max: toIsoDay(pickableDays(after).max),
    });
    expect(card.actions?.[0]).toMatchObject({ type: 'Action.Execute', verb: 'remind-set', data: { choice: 'day' } });
  });

  it('sets the suggested Friday in place, and a second choice replaces the first (no spam)', async () => {
    const suggested = defaultReminderTime(new Date());
    const first = await execute('remind-set', { theme: 'passwords', choice: 'default', defaultDay: dayOf(suggested) });
    expect(allText(first)).toContain('✓ Avtale!');
    expect(allText(first).join('\n')).toMatch(/Jeg minner deg på det fredag \d+\. \p{L}+ kl\. 10\.00\./u);
    expect(first.actions?.[0]).toMatchObject({ verb: 'remind', data: { theme: 'passwords' } });
    expect(reminderRows(fixture.dataDir())).toMatchObject([
      { theme_id: 'passwords', due_at: suggested.toISOString(), language: 'nb' },
    ]);

    const { max } = pickableDays(new Date());
    const second = await execute(
      'remind-set',
      { theme: 'passwords', choice: 'day', pickedDay: toIsoDay(max) },
      'en-GB',
    );
    expect(allText(second)).toContain('The new time replaces the reminder you already had for this theme.');
    const rows = reminderRows(fixture.dataDir());
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ theme_id: 'passwords', language: 'en' });
    expect(dayOf(new Date(String(rows[0]?.due_at)))).toBe(toIsoDay(max));
    expect(fixture.connector.sent).toHaveLength(0);
  });

  it('refuses a day that has passed or is too far ahead kindly, keeping what was typed', async () => {
    const past = await execute('remind-set', { theme: 'passwords', choice: 'day', pickedDay: '2020-01-31' }, 'nn-NO');
    expect(allText(past).join('\n')).toMatch(/⚠ Den dagen har alt vore.*Vel ein dag frå og med/);
    expect(inputOf(past)?.value).toBe('2020-01-31');
    const far = await execute('remind-set', { theme: 'passwords', choice: 'day', pickedDay: '2099-12-31' }, 'en-GB');
    expect(allText(far).join('\n')).toMatch(/⚠ That's further ahead than I can remind you\. Pick a day no later than/);
    expect(inputOf(far)?.value).toBe('2099-12-31');
    const none = await execute('remind-set', { theme: 'passwords', choice: 'day' });
    expect(allText(none)).toContain('⚠ Velg en dag i kalenderen først, så ordner jeg resten.');
    expect(reminderRows(fixture.dataDir())).toEqual([]);
  });

  it('answers older clients (Action.Submit) with a new message', async () => {
    const day = toIsoDay(pickableDays(new Date()).max);
    await fixture
      .service()
      .post(submitActivity(user(), { action: 'remind-set', theme: 'two-factor', choice: 'day', pickedDay: day }));
    await fixture.connector.waitForSent(1);
    expect(allText(fixture.sentCard(0) as Card)).toContain('✓ Avtale!');
    expect(reminderRows(fixture.dataDir())).toHaveLength(1);
  });

  it('does not take a reminder from a team or group chat', async () => {
    const inChannel = {
      ...submitActivity(user(), { action: 'remind', theme: 'passwords' }),
      conversation: { id: '19:team@thread.tacv2', conversationType: 'channel' },
    };
    await fixture.service().post(inChannel);
    await fixture.connector.waitForSent(1);
    expect(String(fixture.connector.sent[0]?.activity.text)).toContain('Den knappen kjenner jeg ikke igjen');
  });

  it('shows waiting reminders in «mine data» and deletes them with «slett mine data»', async () => {
    const suggested = defaultReminderTime(new Date());
    await execute('remind-set', { theme: 'passwords', choice: 'default', defaultDay: dayOf(suggested) });
    await fixture.service().post(messageActivity(user(), 'mine data'));
    await fixture.connector.waitForSent(1);
    const facts = Object.fromEntries(
      ((fixture.sentCard(0) as Card).body.find((b) => b.facts)?.facts ?? []).map((f) => [f.title, f.value]),
    );
    expect(facts['Påminnelser']).toMatch(/^Sterke passord: fredag \d+\. \p{L}+ kl\. 10\.00$/u);

    await fixture.service().post(submitActivity(user(), { action: 'delete-data-confirm' }));
    await fixture.connector.waitForSent(2);
    expect(reminderRows(fixture.dataDir())).toEqual([]);
  });

  it('is sent by the running service once it is due, and counted once per person and theme', async () => {
    const suggested = defaultReminderTime(new Date());
    await execute('remind-set', { theme: 'lock-devices', choice: 'default', defaultDay: dayOf(suggested) });
    await execute('remind-set', { theme: 'lock-devices', choice: 'default', defaultDay: dayOf(suggested) });
    letTimePass(fixture.dataDir(), 'due');
    await waitFor(() => sentReminders(fixture.connector).length === 1, 'the reminder');
    await new Promise((resolve) => setTimeout(resolve, 500)); // five more wake-ups
    expect(sentReminders(fixture.connector)).toHaveLength(1);
    expect(reminderRows(fixture.dataDir())).toEqual([]);
    const events = reminderEvents();
    expect(events).toHaveLength(1);
    expect(events[0]?.theme_id).toBe('lock-devices');
    expect(events[0]?.pseudonym).toMatch(/^[0-9a-f]{64}$/);

    await fixture.service().post(messageActivity(user(), 'mine data'));
    await fixture.connector.waitForSent(2);
    const facts = (fixture.sentCard(1) as Card).body.find((b) => b.facts)?.facts ?? [];
    expect(facts.find((f) => f.title === 'Påminnelser')?.value).toBe('Lås enhetene dine: sendt');
    expect(fixture.service().logs.text).not.toContain('abababab');
  });
});
