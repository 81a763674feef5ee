import { messageActivity, submitActivity } from '../support/activities';
import { useLocalService } from '../support/use-local-service';

const fixture = useLocalService();
const user = () => ({
  aadObjectId: 'dddddddd-0000-4000-8000-000000000006',
  serviceUrl: fixture.connector.url,
  locale: 'nb-NO',
});
type Card = { body: { text?: string; facts?: { title: string; value: string }[] }[]; actions?: { data: object }[] };
const factsOf = (card: Card) =>
  Object.fromEntries((card.body.find((b) => b.facts)?.facts ?? []).map((f) => [f.title, f.value]));

describe('mine data / slett mine data', () => {
  it('shows the user what is stored about them, from their own events', async () => {
    await fixture.service().post(submitActivity(user(), { action: 'commit', theme: 'passwords' }));
    await fixture.service().post(submitActivity(user(), { action: 'quiz-answer', theme: 'passwords', option: '0' }));
    await fixture
      .service()
      .post(submitActivity(user(), { action: 'check-answer', theme: 'two-factor', answer: 'rarely' }));
    await fixture.service().post(messageActivity(user(), 'pause'));
    await fixture.service().post(messageActivity(user(), 'Mine data'));
    await fixture.connector.waitForSent(5);
    const card = fixture.sentCard(4) as Card;
    expect(card.body[0]?.text).toBe('Dette har refleks lagret om deg');
    expect(factsOf(card)).toMatchObject({
      Språk: 'Ikke valgt (vi bruker språket i Teams)',
      'Pause i tipsene': 'Ja',
      '«Jeg gjør det»': 'Sterke passord',
      'refleks-sjekk': 'Bruk to-faktor der du kan: Sjelden',
      'Ganger du har tatt pause': '1',
    });
    expect(factsOf(card).Quiz).toMatch(/^Sterke passord: (riktig|et annet svar)$/);
  });

  it('asks first, then deletes everything and stops counting the person', async () => {
    await fixture.service().post(submitActivity(user(), { action: 'commit', theme: 'passwords' }));
    await fixture.service().post(messageActivity(user(), 'slett mine data'));
    await fixture.connector.waitForSent(2);
    const confirm = fixture.sentCard(1) as Card;
    expect(confirm.actions?.map((a) => a.data)).toEqual([
      { action: 'delete-data-confirm' },
      { action: 'delete-data-cancel' },
    ]);
    await fixture.service().post(submitActivity(user(), { action: 'delete-data-cancel' }));
    await fixture.service().post(submitActivity(user(), { action: 'delete-data-confirm' }));
    await fixture.connector.waitForSent(4);
    expect(String(fixture.connector.sent[2]?.activity.text)).toBe('Greit, ingenting er slettet.');
    expect(String(fixture.connector.sent[3]?.activity.text)).toMatch(/^Nå er alt om deg slettet\..*når som helst/);
    const health = (await (await fetch(`${fixture.service().url}/healthz`)).json()) as { activeRecipients: number };
    expect(health.activeRecipients).toBe(0);

    // Writing again starts afresh: nothing of the old events is left.
    await fixture.service().post(messageActivity(user(), 'my data'));
    await fixture.connector.waitForSent(5);
    expect(factsOf(fixture.sentCard(4) as Card)['«Jeg gjør det»']).toBe('Ingen');
  });
});
