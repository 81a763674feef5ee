import { messageActivity } from '../support/activities';
import { useLocalService } from '../support/use-local-service';

const fixture = useLocalService({ SHUTDOWN_GRACE_SECONDS: '5' });

describe('graceful shutdown', () => {
  it('stops accepting, lets the turn in flight finish its reply, then closes', async () => {
    fixture.connector.delayMs = 700;
    const user = { aadObjectId: 'dddddddd-0000-4000-8000-000000000004', serviceUrl: fixture.connector.url };
    const inFlight = fixture.service().post(messageActivity(user, 'hjelp'));
    await new Promise((resolve) => setTimeout(resolve, 150)); // the turn is now waiting on the connector
    const stopped = fixture.service().stop();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(fixture.connector.sent).toHaveLength(1);
    await stopped;
    await expect(fetch(`${fixture.service().url}/healthz`)).rejects.toThrow();
    fixture.connector.delayMs = 0;
  });
});
