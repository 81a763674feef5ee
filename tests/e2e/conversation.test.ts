import Database from 'better-sqlite3';
import path from 'node:path';
import {
  executeActivity,
  installActivity,
  membersAddedActivity,
  messageActivity,
  OTHER_TENANT,
  submitActivity,
  TENANT,
  uninstallActivity,
  type UserSpec,
} from '../support/activities';
import { startTestService, type TestService } from '../support/test-service';
import { useLocalService } from '../support/use-local-service';

const fixture = useLocalService();
const connector = fixture.connector;
const cardOf = fixture.sentCard as (index: number) => {
  body: { type: string; text?: string; facts?: { title: string }[] }[];
  actions?: { title: string; data?: Record<string, unknown> }[];
};
let user: UserSpec;
let service: TestService;
let dataDir: string;
beforeEach(() => {
  user = { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001', serviceUrl: connector.url, locale: 'nb-NO' };
  service = fixture.service();
  dataDir = fixture.dataDir();
});

function recipientRows(): Record<string, unknown>[] {
  const db = new Database(path.join(dataDir, 'refleks.db'), { readonly: true });
  try {
    return db.prepare('SELECT * FROM recipients').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('install and uninstall', () => {
  it('stores the recipient without name and sends a welcome card in the user language', async () => {
    const res = await service.post(installActivity({ ...user, locale: 'nn-NO' }));
    expect(res.status).toBe(200);
    await connector.waitForSent(1);
    const card = cardOf(0);
    expect(card.body[0]?.text).toContain('Eg er refleks');
    expect(connector.sent[0]?.conversationId).toBe(`a:personal-${user.aadObjectId}`);

    const rows = recipientRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tenant_id: TENANT, aad_object_id: user.aadObjectId, locale: 'nn-NO', active: 1 });
    expect(JSON.stringify(rows[0])).not.toContain('Kari');
    const address = JSON.parse(String(rows[0]?.address_json)) as Record<string, unknown>;
    expect(address).toMatchObject({ serviceUrl: connector.url, conversationId: `a:personal-${user.aadObjectId}` });
  });

  it('welcomes only once when Teams sends both conversationUpdate and installationUpdate', async () => {
    await service.post(membersAddedActivity(user));
    await service.post(installActivity(user));
    await connector.waitForSent(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.sent).toHaveLength(1);
    expect(recipientRows()).toHaveLength(1);
  });

  it('marks the recipient inactive on uninstall and active again on reinstall', async () => {
    await service.post(installActivity(user));
    await service.post(uninstallActivity(user));
    expect(recipientRows()[0]?.active).toBe(0);
    expect(await (await fetch(`${service.url}/healthz`)).json()).toMatchObject({ activeRecipients: 0 });

    await service.post(installActivity(user));
    expect(recipientRows()[0]?.active).toBe(1);
    await connector.waitForSent(2);
    expect(cardOf(1).body[0]?.text).toContain('Jeg er refleks');
  });

  it('stores what a message tells that is new, and writes nothing for the rest', async () => {
    await service.post(installActivity(user));
    const installed = recipientRows()[0];
    await new Promise((r) => setTimeout(r, 10));
    await service.post(messageActivity(user, 'hjelp'));
    // Same chat, same locale, within the hour: last-seen keeps its hour-level precision without a write.
    expect(recipientRows()[0]).toEqual(installed);

    await service.post(messageActivity({ ...user, locale: 'nn-NO' }, 'hjelp'));
    expect(recipientRows()[0]).toMatchObject({ locale: 'nn-NO', active: 1 });
    expect(String(recipientRows()[0]?.last_seen) > String(installed?.last_seen)).toBe(true);
  });
});

describe('commands', () => {
  it('answers "hjelp" with a help card listing the commands', async () => {
    await service.post(messageActivity(user, '  Hjelp! '));
    await connector.waitForSent(1);
    const card = cardOf(0);
    expect(card.body[0]?.text).toBe('Dette kan jeg hjelpe med');
    const facts = card.body.find((b) => b.type === 'FactSet')?.facts?.map((f) => f.title);
    expect(facts).toEqual(['hjelp', 'språk', 'meld fra', 'pause', 'mine data']);
    expect(connector.sent[0]?.replyToId).toBeDefined();
  });

  it('lets the user choose a language and remembers it', async () => {
    await service.post(installActivity(user));
    await service.post(messageActivity(user, 'language'));
    await connector.waitForSent(2);
    const choices = cardOf(1).actions?.map((a) => a.data?.language);
    expect(choices).toEqual(['nb', 'nn', 'en']);

    await service.post(submitActivity(user, { action: 'set-language', language: 'en' }));
    await connector.waitForSent(3);
    expect(connector.sent[2]?.activity.text).toBe("Great! I'll write in English from now on.");
    expect(recipientRows()[0]?.language).toBe('en');

    await service.post(messageActivity(user, 'help'));
    await connector.waitForSent(4);
    expect(cardOf(3).body[0]?.text).toBe("Here's what I can help with");
  });

  it('refuses an unknown language kindly and keeps the old one', async () => {
    await service.post(installActivity(user));
    await service.post(submitActivity(user, { action: 'set-language', language: 'sv' }));
    await connector.waitForSent(2);
    expect(String(connector.sent[1]?.activity.text)).toContain('Velg bokmål, nynorsk eller engelsk');
    expect(recipientRows()[0]?.language).toBeNull();
  });

  it('says kindly that an off-topic question is outside what it knows, and points to help', async () => {
    await service.post(messageActivity(user, 'hva er klokka'));
    await connector.waitForSent(1);
    expect(String(connector.sent[0]?.activity.text)).toContain('utenfor det jeg kan svare på');
    expect(String(connector.sent[0]?.activity.text)).toContain('hjelp');
  });

  it('answers an unknown Action.Execute with a replacement card in the invoke response', async () => {
    const res = await service.post(executeActivity(user, 'no-such-verb'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { type: string; value: { body: { text: string }[] } };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.value.body[0]?.text).toContain('knappen');
  });

  it('handles unknown activity types without error or reply', async () => {
    const res = await service.post({
      ...messageActivity(user, ''),
      type: 'messageReaction',
      reactionsAdded: [{ type: 'like' }],
    });
    expect(res.status).toBe(200);
    const typing = await service.post({ ...messageActivity(user, ''), type: 'typing' });
    expect(typing.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.sent).toHaveLength(0);
  });
});

describe('tenants and bad input', () => {
  it('refuses another tenant, stores nothing and logs only the tenant id', async () => {
    const stranger = { ...user, tenantId: OTHER_TENANT, name: 'Ola Utenfor' };
    await service.post(installActivity(stranger));
    await service.post(messageActivity(stranger, 'hjelp'));
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.sent).toHaveLength(0);
    expect(recipientRows()).toHaveLength(0);
    expect(service.logs.text).toContain(OTHER_TENANT);
    expect(service.logs.text).not.toContain('Ola Utenfor');
    expect(service.logs.text).not.toContain(stranger.aadObjectId);
  });

  it('answers 413 to a body over 256 KB and 400 to malformed JSON, and keeps serving', async () => {
    const big = messageActivity(user, 'x'.repeat(300 * 1024));
    expect((await service.post(big)).status).toBe(413);
    expect((await service.post('{"type": "message", ')).status).toBe(400);
    expect((await service.post('[1,2,3]')).status).toBe(400);
    expect((await service.post({ hello: 'world' })).status).toBe(400);
    const res = await service.post(messageActivity(user, 'hjelp'));
    expect(res.status).toBe(200);
    await connector.waitForSent(1);
  });

  it('never logs message text or names', async () => {
    await service.post(messageActivity({ ...user, name: 'Kari Nordmann' }, 'mitt hemmelige passord er Sommer2024'));
    await connector.waitForSent(1);
    expect(service.logs.text).not.toContain('Sommer2024');
    expect(service.logs.text).not.toContain('Kari');
  });
});

describe('health and restart', () => {
  it('reports status, version, storage and active recipients', async () => {
    await service.post(installActivity(user));
    const res = await fetch(`${service.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      version: expect.any(String),
      storage: { reachable: true },
      activeRecipients: 1,
    });
  });

  it('keeps the recipients across a restart', async () => {
    await service.post(installActivity(user));
    await service.post(submitActivity(user, { action: 'set-language', language: 'nn' }));
    await service.stop();
    const restarted = await startTestService({ DATA_DIR: dataDir, ALLOWED_TENANT_IDS: TENANT });
    try {
      const health = (await (await fetch(`${restarted.url}/healthz`)).json()) as { activeRecipients: number };
      expect(health.activeRecipients).toBe(1);
      await restarted.post(messageActivity(user, 'hjelp'));
      await connector.waitForSent(3);
      expect(cardOf(2).body[0]?.text).toBe('Dette kan eg hjelpe med');
    } finally {
      await restarted.stop();
    }
  });
});
