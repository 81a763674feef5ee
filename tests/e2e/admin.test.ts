import Database from 'better-sqlite3';
import path from 'node:path';
import { OTHER_TENANT, TENANT, installActivity, messageActivity, submitActivity } from '../support/activities';
import { sendThemeAsAdmin } from '../support/send-theme';
import { useLocalService } from '../support/use-local-service';

const ADMIN = 'eeeeeeee-0000-4000-8000-00000000000a';
const fixture = useLocalService({ ADMIN_AAD_OBJECT_IDS: ADMIN.toUpperCase() });
const user = (aadObjectId: string) => ({ aadObjectId, serviceUrl: fixture.connector.url, locale: 'nb-NO' });
const admin = () => user(ADMIN);
const employee = () => user('ffffffff-0000-4000-8000-000000000001');
const lastText = () => String(fixture.connector.sent.at(-1)?.activity.text ?? '');

describe('admin commands in chat', () => {
  it('refuses everyone who is not an admin, politely and without acting', async () => {
    await fixture.service().post(messageActivity(employee(), 'status'));
    await fixture.service().post(messageActivity(employee(), 'send passwords'));
    await fixture.service().post(messageActivity(employee(), 'pause kampanje'));
    await fixture.connector.waitForSent(3);
    for (const sent of fixture.connector.sent)
      expect(String(sent.activity.text)).toContain('for dem som har ansvar for kampanjen');
  });

  it('shows the status card to an admin', async () => {
    await fixture.service().post(messageActivity(admin(), 'status'));
    await fixture.connector.waitForSent(1);
    const card = fixture.sentCard(0) as { body: { text?: string }[] };
    expect(card.body[0]?.text).toBe('Kampanjestatus');
  });

  it('previews a theme only to the admin', async () => {
    await fixture.service().post(installActivity(employee()));
    await fixture.service().post(messageActivity(admin(), 'forhåndsvis 2'));
    await fixture.connector.waitForSent(3);
    const previewTo = fixture.connector.sent.slice(1).map((s) => s.conversationId);
    expect(previewTo).toEqual([`a:personal-${ADMIN}`, `a:personal-${ADMIN}`]);
    expect((fixture.sentCard(2) as { body: { text?: string }[] }).body[1]?.text).toBe('Sterke passord');
  });

  it('sends a theme to everyone after confirmation, skipping users who paused', async () => {
    const other = user('ffffffff-0000-4000-8000-000000000002');
    await fixture.service().post(installActivity(employee()));
    await fixture.service().post(installActivity(other));
    await fixture.service().post(messageActivity(other, 'pause'));
    await fixture.connector.waitForSent(3);
    expect(lastText()).toContain('pause fra tipsene');

    await fixture.service().post(messageActivity(admin(), 'send two-factor'));
    await fixture.connector.waitForSent(4);
    const confirm = fixture.sentCard(3) as { actions: { data: Record<string, unknown> }[] };
    expect(confirm.actions[0]?.data).toEqual({ action: 'admin-send-confirm', theme: 'two-factor' });

    await fixture.service().post(submitActivity(admin(), confirm.actions[0]!.data));
    // The admin is a recipient too (they wrote to the bot): admin + employee, not the paused user.
    await fixture.connector.waitForSent(7);
    const nudgedConversations = fixture.connector.sent
      .filter((s) => s.replyToId === undefined)
      .map((s) => s.conversationId);
    expect(nudgedConversations.sort()).toEqual([`a:personal-${ADMIN}`, `a:personal-${employee().aadObjectId}`].sort());
    expect(fixture.connector.sent.some((s) => String(s.activity.text).startsWith('Utsendingen har startet: 2'))).toBe(
      true,
    );
  });

  it('pauses and resumes the whole campaign when refleks serves one municipality', async () => {
    await fixture.service().post(messageActivity(admin(), 'pause kampanje'));
    await fixture.connector.waitForSent(1);
    expect(lastText()).toMatch(/^Kampanjen er satt på pause/);
    await fixture.service().post(messageActivity(admin(), 'fortsett kampanje'));
    await fixture.connector.waitForSent(2);
    expect(lastText()).toMatch(/^Kampanjen går igjen/);
  });

  it('lets the user resume with "start"', async () => {
    await fixture.service().post(installActivity(employee()));
    await fixture.service().post(messageActivity(employee(), 'pause'));
    await fixture.service().post(messageActivity(employee(), 'start'));
    await fixture.connector.waitForSent(3);
    expect(lastText()).toContain('tipsene igjen');
  });
});

describe('without opt-out', () => {
  const noOptOut = useLocalService({ ALLOW_OPT_OUT: 'false' });
  it('explains kindly that everyone gets the tips', async () => {
    await noOptOut
      .service()
      .post(
        messageActivity(
          { aadObjectId: 'ffffffff-0000-4000-8000-000000000003', serviceUrl: noOptOut.connector.url },
          'stopp',
        ),
      );
    await noOptOut.connector.waitForSent(1);
    expect(String(noOptOut.connector.sent[0]?.activity.text)).toContain('alle får tipsene');
  });
});

describe('admin commands when refleks serves several municipalities', () => {
  const OTHER_ADMIN = 'eeeeeeee-0000-4000-8000-00000000000b';
  const shared = useLocalService({
    ADMIN_AAD_OBJECT_IDS: `${ADMIN},${OTHER_ADMIN}`,
    ALLOWED_TENANT_IDS: `${TENANT},${OTHER_TENANT}`,
  });
  const at = (aadObjectId: string, tenantId = TENANT) => ({
    aadObjectId,
    tenantId,
    serviceUrl: shared.connector.url,
    locale: 'nb-NO',
  });
  const post = (activity: object) => shared.service().post(activity);
  const texts = () => shared.connector.sent.map((s) => String(s.activity.text ?? ''));
  async function askStatus(who: ReturnType<typeof at>) {
    const before = shared.connector.sent.length;
    await post(messageActivity(who, 'status'));
    await shared.connector.waitForSent(before + 1);
  }
  const lastCardText = () => JSON.stringify(shared.sentCard(shared.connector.sent.length - 1));
  function rows(sql: string): unknown[] {
    const db = new Database(path.join(shared.dataDir(), 'refleks.db'), { readonly: true });
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  }

  it("sends to and counts only the admin's own municipality, and cannot pause the others'", async () => {
    const neighbours = [
      at('ffffffff-0000-4000-8000-000000000201', OTHER_TENANT),
      at('ffffffff-0000-4000-8000-000000000202', OTHER_TENANT),
    ];
    for (const who of [...neighbours, at('ffffffff-0000-4000-8000-000000000203')]) await post(installActivity(who));
    await shared.connector.waitForSent(3);

    // The admin and their colleague: two people in the admin's municipality, nobody in the other.
    await sendThemeAsAdmin(shared, at(ADMIN), 'two-factor', 2);
    const sending = 'Utsendingen har startet: 2 mottakere står i kø. Skriv «status» for å følge med.';
    expect(texts()).toContain(sending);
    const sent = shared.connector.sent.length;
    await post(submitActivity(at(ADMIN), { action: 'admin-pulse-confirm', phase: 'before' }));
    // The reply, and the pulse to the same two people.
    await shared.connector.waitForSent(sent + 3);
    expect(texts().slice(sent)).toContain(sending);
    expect(rows('SELECT DISTINCT tenant_id FROM deliveries')).toEqual([{ tenant_id: TENANT }]);

    await askStatus(at(ADMIN));
    expect(lastCardText()).toContain('sendt: 2, feilet: 0, venter: 0, ikke nådd: 0');
    // The other municipality's admin sees neither the counts nor that the theme went out here.
    await askStatus(at(OTHER_ADMIN, OTHER_TENANT));
    expect(lastCardText()).toContain('Kampanjestatus');
    expect(lastCardText()).not.toContain('Bruk to-faktor');

    // One campaign switch serves every municipality: the chat refuses it kindly.
    const before = shared.connector.sent.length;
    await post(messageActivity(at(ADMIN), 'pause kampanje'));
    await post(messageActivity(at(OTHER_ADMIN, OTHER_TENANT), 'fortsett kampanje'));
    await shared.connector.waitForSent(before + 2);
    expect(texts().slice(before)).toEqual(
      Array.from(
        { length: 2 },
        () => expect.stringMatching(/^Denne refleks-tjenesten sender til flere kommuner/) as string,
      ),
    );
    expect(rows('SELECT paused FROM campaign_state')).toEqual([{ paused: 0 }]);
  });
});
