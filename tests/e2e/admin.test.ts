import { installActivity, messageActivity, submitActivity } from '../support/activities';
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
