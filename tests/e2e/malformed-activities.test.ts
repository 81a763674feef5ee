import Database from 'better-sqlite3';
import path from 'node:path';
import { BOT_ID, installActivity, messageActivity, type UserSpec } from '../support/activities';
import { useLocalService } from '../support/use-local-service';

/**
 * Activities that are not what Teams sends: a body refleks cannot route is
 * answered 400 before botbuilder sees it, and an optional field of the wrong
 * type is dropped, so neither can break a turn half-way.
 */
const fixture = useLocalService();
const connector = fixture.connector;
let user: UserSpec;
let help: Record<string, unknown>;
beforeEach(() => {
  user = { aadObjectId: 'dddddddd-0000-4000-8000-000000000004', serviceUrl: connector.url, locale: 'en-US' };
  help = messageActivity(user, 'help');
});

function recipientRows(): Record<string, unknown>[] {
  const db = new Database(path.join(fixture.dataDir(), 'refleks.db'), { readonly: true });
  try {
    return db.prepare('SELECT * FROM recipients').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

const firstCardTitle = () => (fixture.sentCard(0).body as { text?: string }[])[0]?.text;

describe('a body that is not a usable activity', () => {
  it.each([
    ['no sender', 'from', { from: undefined }],
    ['no conversation', 'conversation', { conversation: undefined }],
    ['no recipient', 'recipient', { recipient: undefined }],
    ['a sender without id', 'from.id', { from: { name: 'Kari Nordmann' } }],
    ['no type', 'type', { type: undefined }],
  ])('answers 400 to %s, naming the field, and stores and sends nothing', async (_, field, change) => {
    const res = await fixture.service().post({ ...help, ...change });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'The body is not a usable Bot Framework activity.',
      fields: [field],
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.sent).toHaveLength(0);
    expect(recipientRows()).toHaveLength(0);
    expect(fixture.service().logs.text).not.toContain('turn failed');
    expect(fixture.service().logs.text).not.toContain('Kari');
  });
});

describe('optional fields of the wrong type', () => {
  it.each([
    ['entities that are not a list', { entities: 'x' }],
    ['entities without a type, and a mention without text', { entities: [null, { type: 'mention' }, { type: 7 }] }],
    ['attachments that are not a list', { attachments: { a: 1 } }],
    ['an attachment that is null', { attachments: [null, { contentType: 5 }] }],
  ])('are dropped: a message with %s is answered', async (_, change) => {
    expect((await fixture.service().post({ ...help, ...change })).status).toBe(200);
    await connector.waitForSent(1);
    expect(firstCardTitle()).toBe("Here's what I can help with");
  });

  it('answers a message whose text is not a string as one without text', async () => {
    await fixture.service().post({ ...help, text: 42 });
    await connector.waitForSent(1);
    expect(String(connector.sent[0]?.activity.text)).toContain("I didn't quite get that");
  });

  it('stores no locale that is not a string, and answers in the default language', async () => {
    await fixture.service().post({ ...help, text: 'hjelp', locale: 5 });
    await connector.waitForSent(1);
    expect(firstCardTitle()).toBe('Dette kan jeg hjelpe med');
    expect(recipientRows()[0]).toMatchObject({ aad_object_id: user.aadObjectId, locale: null });
  });

  it('treats a members list that is not a list as no members: not an install', async () => {
    const update = { ...installActivity(user), type: 'conversationUpdate', action: undefined, membersAdded: 'x' };
    expect((await fixture.service().post(update)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.sent).toHaveLength(0);
    expect(fixture.service().logs.text).not.toContain('turn failed');
  });

  it('still removes the bot mention Teams puts in the text, and accepts entities it does not read', async () => {
    const mention = { type: 'mention', text: '<at>refleks</at>', mentioned: { id: BOT_ID, name: 'refleks' } };
    const clientInfo = { type: 'clientInfo', locale: 'en-US', country: 'NO', platform: 'Web' };
    await fixture.service().post({ ...help, text: '<at>refleks</at> help', entities: [mention, clientInfo] });
    await connector.waitForSent(1);
    expect(firstCardTitle()).toBe("Here's what I can help with");
  });
});
