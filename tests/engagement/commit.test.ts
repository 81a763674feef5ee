import { submitActivity } from '../support/activities';
import { useLocalService } from '../support/use-local-service';

const fixture = useLocalService();
const user = () => ({
  aadObjectId: 'dddddddd-0000-4000-8000-000000000005',
  serviceUrl: fixture.connector.url,
  locale: 'nn-NO',
});
const texts = () => fixture.connector.sent.map((s) => String(s.activity.text));

describe('«Jeg gjør det»', () => {
  it('repeats the commitment, and says it is already noted the second time', async () => {
    await fixture.service().post(submitActivity(user(), { action: 'commit', theme: 'lock-devices' }));
    await fixture.connector.waitForSent(1);
    await fixture.service().post(submitActivity(user(), { action: 'commit', theme: 'lock-devices' }));
    await fixture.connector.waitForSent(2);
    expect(texts()[0]).toBe(
      'Så bra! Det er notert: «Eg låser skjermen kvar gong eg går frå PC-en, òg for ein liten augeblink.» Takk for at du er med.',
    );
    expect(texts()[1]).toMatch(/^Det har du alt sagt ja til/);
  });

  it('counts each theme on its own', async () => {
    await fixture.service().post(submitActivity(user(), { action: 'commit', theme: 'lock-devices' }));
    await fixture.service().post(submitActivity(user(), { action: 'commit', theme: 'passwords' }));
    await fixture.connector.waitForSent(2);
    expect(texts().every((text) => text.startsWith('Så bra!'))).toBe(true);
  });
});
