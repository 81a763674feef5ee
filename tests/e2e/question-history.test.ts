import { messageActivity } from '../support/activities';
import { sendThemeAsAdmin } from '../support/send-theme';
import { useLocalService } from '../support/use-local-service';

const ADMIN = 'eeeeeeee-0000-4000-8000-0000000000a1';
const fixture = useLocalService({ ADMIN_AAD_OBJECT_IDS: ADMIN });
const user = (aadObjectId: string) => ({ aadObjectId, serviceUrl: fixture.connector.url, locale: 'nb-NO' });
const employee = () => user('ffffffff-0000-4000-8000-0000000000b2');

/** The theme of the answer card the bot sends back to `text`, read from its 👍 button. */
async function themeOfAnswer(text: string): Promise<unknown> {
  const before = fixture.connector.sent.length;
  await fixture.service().post(messageActivity(employee(), text));
  await fixture.connector.waitForSent(before + 1);
  const card = JSON.stringify(fixture.sentCard(fixture.connector.sent.length - 1));
  return /"action":"feedback","helpful":true,"theme":"([a-z-]+)"/.exec(card)?.[1];
}

describe('what the user received, through the real server', () => {
  it('breaks a tie between themes, and only a tie', async () => {
    // A QR code belongs to three themes; with no history its own topic word decides.
    expect(await themeOfAnswer('qr-kode')).toBe('login-via-links');
    // The admin says hello first, so that the nudge goes to two people.
    const before = fixture.connector.sent.length;
    await fixture.service().post(messageActivity(user(ADMIN), 'hei'));
    await fixture.connector.waitForSent(before + 1);
    await sendThemeAsAdmin(fixture, user(ADMIN), 'report-it', 2);
    expect(await themeOfAnswer('qr-kode')).toBe('report-it');
    // A question with one clear theme keeps it.
    expect(await themeOfAnswer('hvordan låser jeg pc-en?')).toBe('lock-devices');
  });
});
