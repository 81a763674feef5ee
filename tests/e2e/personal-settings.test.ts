import Database from 'better-sqlite3';
import path from 'node:path';
import { TENANT, installActivity, messageActivity, submitActivity, type UserSpec } from '../support/activities';
import { useLocalService } from '../support/use-local-service';

/**
 * Pause and language live on a person's recipient row, which only the
 * personal chat creates. Written in IT's channel or a group chat (for example
 * by someone who never opened the personal chat), refleks must not confirm
 * what it did not store, nor count a pause: it points to the personal chat.
 */
const fixture = useLocalService();
const connector = fixture.connector;
const person = (aadObjectId: string, locale = 'nb-NO'): UserSpec => ({
  aadObjectId,
  serviceUrl: connector.url,
  locale,
});
const inChannel = (activity: object) => ({
  ...activity,
  conversation: { id: '19:it-team@thread.tacv2', conversationType: 'channel', tenantId: TENANT },
});
const inGroupChat = (activity: object) => ({
  ...activity,
  conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', tenantId: TENANT },
});
const texts = () => connector.sent.map((s) => String(s.activity.text));

function rows(sql: string): unknown[] {
  const db = new Database(path.join(fixture.dataDir(), 'refleks.db'), { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

const askPrivately = (command: string) =>
  `Det ordner vi i den private chatten mellom deg og meg, så gjelder det bare deg. Finn refleks under Chat i Teams (eller søk etter refleks under Apper), og skriv «${command}» der.`;

describe('pause and language outside the personal chat', () => {
  it('asks someone who never opened the personal chat to write there, and stores and counts nothing', async () => {
    const itStaff = person('eeeeeeee-0000-4000-8000-000000000101');
    await fixture.service().post(inChannel(messageActivity(itStaff, 'pause')));
    await fixture.service().post(inChannel(messageActivity(itStaff, 'Stopp!')));
    await fixture.service().post(inChannel(messageActivity(itStaff, 'start')));
    await fixture.service().post(inChannel(messageActivity(itStaff, 'språk')));
    await fixture.service().post(inChannel(submitActivity(itStaff, { action: 'set-language', language: 'nn' })));
    await connector.waitForSent(5);
    expect(texts()).toEqual([
      askPrivately('pause'),
      askPrivately('stopp'),
      askPrivately('start'),
      askPrivately('språk'),
      askPrivately('språk'),
    ]);
    expect(rows('SELECT * FROM events')).toEqual([]);
    expect(rows('SELECT * FROM recipients')).toEqual([]);
  });

  it('leaves the personal settings of someone who has the personal chat untouched', async () => {
    const employee = person('eeeeeeee-0000-4000-8000-000000000102');
    await fixture.service().post(installActivity(employee));
    await connector.waitForSent(1);
    await fixture.service().post(inGroupChat(messageActivity(employee, 'pause')));
    await fixture.service().post(inGroupChat(submitActivity(employee, { action: 'set-language', language: 'en' })));
    await connector.waitForSent(3);
    expect(texts().slice(1)).toEqual([askPrivately('pause'), askPrivately('språk')]);
    expect(rows('SELECT paused, language FROM recipients')).toEqual([{ paused: 0, language: null }]);
    expect(rows('SELECT * FROM events')).toEqual([]);

    // In the personal chat the same words work as before.
    await fixture.service().post(messageActivity(employee, 'pause'));
    await connector.waitForSent(4);
    expect(texts()[3]).toMatch(/^Greit, nå tar jeg pause fra tipsene/);
    expect(rows('SELECT type FROM events')).toEqual([{ type: 'paused' }]);
  });

  it('says it in nynorsk and English too', async () => {
    await fixture
      .service()
      .post(inChannel(messageActivity(person('eeeeeeee-0000-4000-8000-000000000103', 'nn-NO'), 'pause')));
    await connector.waitForSent(1);
    await fixture
      .service()
      .post(inChannel(messageActivity(person('eeeeeeee-0000-4000-8000-000000000104', 'en-GB'), 'language')));
    await connector.waitForSent(2);
    expect(texts()).toEqual([
      'Det ordnar vi i den private chatten mellom deg og meg, så gjeld det berre deg. Finn refleks under Chat i Teams (eller søk etter refleks under Appar), og skriv «pause» der.',
      'Let\'s do that in our private chat, so it only applies to you. Find refleks under Chat in Teams (or search for refleks under Apps) and type "language" there.',
    ]);
  });
});
