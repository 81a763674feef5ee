import Database from 'better-sqlite3';
import path from 'node:path';
import { messageActivity, submitActivity } from '../support/activities';
import { themes } from '../support/content';
import { sendThemeAsAdmin } from '../support/send-theme';
import { useLocalService } from '../support/use-local-service';

const LEADER = 'aaaaaaaa-0000-4000-8000-00000000000c';
const fixture = useLocalService({ ADMIN_AAD_OBJECT_IDS: LEADER });
const leader = (locale = 'nb-NO') => ({ aadObjectId: LEADER, serviceUrl: fixture.connector.url, locale });

type Block = { type: string; text?: string; items?: Block[]; facts?: { title: string; value: string }[] };
const lastCard = () => fixture.sentCard(fixture.connector.sent.length - 1) as { body: Block[] };
const textsOf = (card: { body: Block[] }) =>
  card.body.flatMap((b) => (b.items ? b.items.map((i) => i.text ?? '') : [b.text ?? '']));
const eventRows = () => {
  const db = new Database(path.join(fixture.dataDir(), 'refleks.db'), { readonly: true });
  try {
    return db.prepare("SELECT theme_id FROM events WHERE type = 'meeting-kit' ORDER BY rowid").all() as {
      theme_id: string;
    }[];
  } finally {
    db.close();
  }
};

async function ask(text: string, locale?: string) {
  const before = fixture.connector.sent.length;
  await fixture.service().post(messageActivity(leader(locale), text));
  await fixture.connector.waitForSent(before + 1);
  return lastCard();
}

describe('the leader meeting kit', () => {
  it('offers a «Møteopplegg» button in the nudge’s leader section', async () => {
    await fixture.service().post(messageActivity(leader(), 'forhåndsvis passwords'));
    await fixture.connector.waitForSent(2);
    const leaderSection = JSON.stringify(
      (fixture.sentCard(1) as { body: Block[] }).body.find(
        (b) => b.type === 'Container' && JSON.stringify(b).includes('Møteopplegg'),
      ),
    );
    expect(leaderSection).toContain('{"action":"meeting-kit","theme":"passwords"}');
  });

  it('gives the reflection question, a 10–15 minute plan and the theme’s facts, and counts a leader once', async () => {
    await fixture.service().post(submitActivity(leader(), { action: 'meeting-kit', theme: 'passwords' }));
    await fixture.connector.waitForSent(1);
    const card = lastCard();
    const texts = textsOf(card);
    expect(texts).toContain('Møteopplegg: Sterke passord');
    const passwords = themes.find((theme) => theme.id === 'passwords');
    expect(texts).toContain(passwords?.leaderQuestion.nb);
    expect(texts).toContain(passwords?.habit.nb);
    expect(texts).toContain(`• ${passwords?.tips[0]?.nb}`);
    const plan = card.body.find((b) => b.type === 'FactSet')?.facts?.map((f) => f.title);
    // A no-break space and word joiners keep "5–8 min" on one line at phone width.
    expect(plan).toEqual(['2\u00a0min', '5\u2060–\u20608\u00a0min', '3\u00a0min', '1\u00a0min']);
    expect(JSON.stringify(card)).toContain('kontakt IT-brukerstøtte');

    await fixture.service().post(submitActivity(leader(), { action: 'meeting-kit', theme: 'passwords' }));
    await ask('møteopplegg 1');
    expect(eventRows().map((r) => r.theme_id)).toEqual(['passwords', 'lock-devices']);
  });

  it('finds the theme by number, id or title, in any language', async () => {
    expect(textsOf(await ask('møteopplegg 3'))).toContain('Møteopplegg: Logg inn via nettsiden');
    expect(textsOf(await ask('meeting kit two-factor', 'en-GB'))).toContain(
      'Meeting kit: Use two-factor wherever you can',
    );
    expect(textsOf(await ask('Møteopplegg: Sterke passord'))).toContain('Møteopplegg: Sterke passord');
  });

  it('without a theme: a choice while nothing has been sent, then the theme the leader last received', async () => {
    const choice = await ask('møteopplegg');
    expect(textsOf(choice)).toContain('Hvilket tema vil du ta opp i møtet?');
    const input = choice.body.find((b) => b.type === 'Input.ChoiceSet') as { choices: unknown[] } | undefined;
    expect(input?.choices).toHaveLength(10);
    expect(eventRows()).toEqual([]);

    expect(textsOf(await ask('møteopplegg noe helt annet')).join(' ')).toContain('Det temaet fant jeg ikke.');

    await sendThemeAsAdmin(fixture, leader(), 'two-factor', 1);
    expect(textsOf(await ask('møteopplegg'))).toContain('Møteopplegg: Bruk to-faktor der du kan');

    // Someone who joined after the send has received nothing: the campaign's latest theme.
    const newcomer = { aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000000d', serviceUrl: fixture.connector.url };
    const before = fixture.connector.sent.length;
    await fixture.service().post(messageActivity(newcomer, 'møteopplegg'));
    await fixture.connector.waitForSent(before + 1);
    expect(textsOf(lastCard())).toContain('Møteopplegg: Bruk to-faktor der du kan');
  });
});
