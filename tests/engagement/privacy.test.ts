import { messageActivity, submitActivity } from '../support/activities';
import { FileServer } from '../support/file-server';
import { fileActivity, openForm, submitForm } from '../support/report-fixture';
import { sendThemeAsAdmin } from '../support/send-theme';
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
      // Nothing had reached this user before the pause.
      'Pause etter temaet': 'Ingen',
      'Møteopplegg du har hentet': 'Ingen',
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

  it('neither shows nor deletes own data in a channel or group chat, and points to the private chat', async () => {
    await fixture.service().post(submitActivity(user(), { action: 'commit', theme: 'passwords' }));
    const inGroup = (activity: object, conversationType: string) => ({
      ...activity,
      conversation: { id: `19:${conversationType}@thread.v2`, conversationType },
    });
    await fixture.service().post(inGroup(messageActivity(user(), 'mine data'), 'channel'));
    await fixture.service().post(inGroup(messageActivity(user(), 'slett mine data'), 'groupChat'));
    await fixture.service().post(inGroup(submitActivity(user(), { action: 'delete-data-confirm' }), 'groupChat'));
    await fixture.connector.waitForSent(4);
    const privateOnly = 'Dine egne data viser og sletter jeg bare i den private chatten vår.';
    expect(fixture.connector.sent.slice(1).map((s) => String(s.activity.text))).toEqual(
      Array.from({ length: 3 }, () => expect.stringContaining(privateOnly) as string),
    );
    // Nothing was erased: the commitment is still there in the private chat.
    await fixture.service().post(messageActivity(user(), 'mine data'));
    await fixture.connector.waitForSent(5);
    expect(factsOf(fixture.sentCard(4) as Card)['«Jeg gjør det»']).toBe('Sterke passord');
  });
});

describe('mine data: the theme of a pause and the meeting kits', () => {
  const ADMIN = 'dddddddd-0000-4000-8000-00000000000a';
  const withAdmin = useLocalService({ ADMIN_AAD_OBJECT_IDS: ADMIN });
  const me = () => ({ aadObjectId: ADMIN, serviceUrl: withAdmin.connector.url, locale: 'nb-NO' });

  it('shows which theme each pause came after, and the meeting kits opened', async () => {
    await sendThemeAsAdmin(withAdmin, me(), 'two-factor', 1);
    await withAdmin.service().post(messageActivity(me(), 'pause'));
    await withAdmin.service().post(submitActivity(me(), { action: 'meeting-kit', theme: 'photo-consent' }));
    const before = withAdmin.connector.sent.length;
    await withAdmin.service().post(messageActivity(me(), 'mine data'));
    await withAdmin.connector.waitForSent(before + 1);
    expect(factsOf(withAdmin.sentCard(before) as Card)).toMatchObject({
      'Ganger du har tatt pause': '1',
      'Pause etter temaet': 'Bruk to-faktor der du kan',
      'Møteopplegg du har hentet': 'Samtykke før du deler bilder',
    });
  });
});

describe('mine data: what the ledger and «Meld fra» hold about the person', () => {
  const ADMIN = 'dddddddd-0000-4000-8000-00000000000b';
  const withAdmin = useLocalService({ ADMIN_AAD_OBJECT_IDS: ADMIN });
  const files = new FileServer();
  beforeAll(() => files.start());
  afterAll(() => files.stop());
  const me = () => ({ aadObjectId: ADMIN, serviceUrl: withAdmin.connector.url, locale: 'nb-NO' });
  const post = (activity: object) => withAdmin.service().post(activity);

  it('shows the tips sent, the open form with its files, and the references of reports to IT', async () => {
    await sendThemeAsAdmin(withAdmin, me(), 'passwords', 1);
    await post(openForm(me()));
    await post(submitForm(me(), { category: 'suspicious-email', description: 'En rar e-post om lønn' }));
    await post(openForm(me()));
    files.files.set('/shot.png', Buffer.from('a screenshot'));
    await post(fileActivity(me(), 'shot.png', files.url('shot.png')));
    const before = withAdmin.connector.sent.length;
    await post(messageActivity(me(), 'mine data'));
    await withAdmin.connector.waitForSent(before + 1);
    const facts = factsOf(withAdmin.sentCard(before) as Card);
    expect(facts).toMatchObject({
      'Tips du har fått': expect.stringMatching(/^1 \(siste: Sterke passord, .+\)$/) as string,
      'Meldinger til IT': '1',
      'Meld fra-skjema du har åpent': 'filer som venter: 1',
      // Without Graph or an IT channel (local mode) the report waits in the outbox.
      'Referansene dine hos IT': expect.stringMatching(
        /^MF-\d{4}-\d{6}: Mistenkelig e-post, ikke levert ennå$/,
      ) as string,
    });
    // Only what there is: no follow-up or pulse was sent, and nothing is waiting in the ledger.
    expect(Object.keys(facts)).not.toContain('refleks-sjekk du har fått');
    expect(Object.keys(facts)).not.toContain('Meldinger som venter eller ikke ble sendt');
  });
});
