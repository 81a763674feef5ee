import Database from 'better-sqlite3';
import path from 'node:path';
import { messageActivity, submitActivity, TENANT } from '../support/activities';
import { useLocalService } from '../support/use-local-service';

const fixture = useLocalService();
const user = () => ({
  aadObjectId: 'dddddddd-0000-4000-8000-000000000007',
  serviceUrl: fixture.connector.url,
  locale: 'nb-NO',
});
const database = () => new Database(path.join(fixture.dataDir(), 'refleks.db'));
const events = () => {
  const db = database();
  try {
    return db.prepare('SELECT type, theme_id, value, pseudonym FROM events ORDER BY rowid').all() as {
      type: string;
      theme_id: string | null;
      value: string | null;
      pseudonym: string;
    }[];
  } finally {
    db.close();
  }
};
type Card = { body: { facts?: { title: string; value: string }[] }[] };
const factsOf = (card: Card) =>
  Object.fromEntries((card.body.find((b) => b.facts)?.facts ?? []).map((f) => [f.title, f.value]));

describe('questions and reports, counted under a pseudonym', () => {
  it('counts a question as answered or unanswered under its theme, and nothing for one outside the campaign', async () => {
    await fixture.service().post(messageActivity(user(), 'kan jeg lagre dette på OneDrive?'));
    await fixture.service().post(messageActivity(user(), 'er det trygt å bruke bluetooth-tastatur på kontoret?'));
    await fixture.service().post(messageActivity(user(), 'hva er det til lunsj i dag'));
    await fixture.service().post(submitActivity(user(), { action: 'ask', question: 'hvor lagrer jeg jobbfiler?' }));
    await fixture.connector.waitForSent(4);
    const stored = events();
    expect(stored.map((e) => [e.type, e.value])).toEqual([
      ['question-asked', 'answered'],
      ['question-asked', 'unanswered'],
      ['question-asked', 'answered'],
    ]);
    expect(stored[0]?.theme_id).toBe('data-storage');
    expect(stored[1]?.theme_id).toMatch(/^[a-z-]+$/);
    expect(JSON.stringify(stored)).not.toMatch(/OneDrive|bluetooth|lunsj|jobbfiler|dddddddd/i);

    await fixture.service().post(messageActivity(user(), 'mine data'));
    await fixture.connector.waitForSent(5);
    expect(factsOf(fixture.sentCard(4) as Card)['Spørsmål du har stilt om temaene']).toBe(
      '3, av dem 1 uten et sikkert svar',
    );
  });

  it('keeps the latest 👍/👎 per theme and shows it in «mine data»', async () => {
    const rate = (theme: string, helpful: boolean) =>
      fixture.service().post(submitActivity(user(), { action: 'feedback', helpful, theme, faq: 'any-entry' }));
    await rate('passwords', false);
    await rate('passwords', true);
    await rate('two-factor', false);
    await fixture.connector.waitForSent(3);
    expect(events().map((e) => [e.type, e.theme_id, e.value])).toEqual([
      ['feedback', 'passwords', 'yes'],
      ['feedback', 'two-factor', 'no'],
    ]);
    await fixture.service().post(messageActivity(user(), 'mine data'));
    await fixture.connector.waitForSent(4);
    expect(factsOf(fixture.sentCard(3) as Card)['Svar du har gitt 👍 eller 👎']).toBe(
      'Sterke passord: nyttig; Bruk to-faktor der du kan: ikke nyttig',
    );
  });

  it('stores the time since the latest nudge as a bucket when a report is sent, and shows it in «mine data»', async () => {
    const db = database();
    db.prepare("INSERT INTO rollouts VALUES ('c/report-it/nudge', 'report-it', 'nudge', 'admin', ?)").run(
      new Date().toISOString(),
    );
    db.prepare(
      "INSERT INTO deliveries (tenant_id, aad_object_id, message_id, status, sent_at) VALUES (?, ?, 'c/report-it/nudge', 'sent', ?)",
    ).run(TENANT, user().aadObjectId, new Date(Date.now() - 2.5 * 3_600_000).toISOString());
    db.close();
    const report = { action: 'report-submit', category: 'suspicious-email', description: 'Rar e-post om lønn' };
    await fixture.service().post(submitActivity(user(), report));
    await fixture.service().post(submitActivity(user(), report));
    await fixture.connector.waitForSent(2);
    // One delay per person: the latest report replaces the earlier one.
    expect(events().map((e) => [e.type, e.value])).toEqual([
      ['report-sent', 'suspicious-email'],
      ['report-sent', 'suspicious-email'],
      ['report-delay', '1-4h'],
    ]);
    await fixture.service().post(messageActivity(user(), 'mine data'));
    await fixture.connector.waitForSent(3);
    expect(factsOf(fixture.sentCard(2) as Card)).toMatchObject({
      'Meldinger til IT': '2',
      'Fra siste tips til siste melding til IT': '1–4 timer',
    });

    // «slett mine data» takes the delay and the questions with everything else.
    await fixture.service().post(messageActivity(user(), 'kan jeg lagre dette på OneDrive?'));
    await fixture.service().post(submitActivity(user(), { action: 'delete-data-confirm' }));
    await fixture.connector.waitForSent(5);
    expect(events()).toEqual([]);
  });

  it('counts no delay for someone who has had no nudge yet', async () => {
    await fixture
      .service()
      .post(submitActivity(user(), { action: 'report-submit', category: 'other', description: 'Noe rart' }));
    await fixture.connector.waitForSent(1);
    expect(events().map((e) => e.type)).toEqual(['report-sent']);
  });
});
