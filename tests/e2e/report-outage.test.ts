import { installActivity } from '../support/activities';
import { startChildService, waitFor, type ChildService } from '../support/child-service';
import {
  openForm,
  outboxRows,
  receiptReference,
  reporter,
  sentTexts,
  submitForm,
  useReportStandIns,
} from '../support/report-fixture';
import { newDataDir } from '../support/test-service';

const { graph, connector, token, env } = useReportStandIns();
let service: ChildService | undefined;
afterEach(async () => {
  // Before the stop: a send still waiting for a token would otherwise hold it.
  token.release();
  await service?.stop();
  service = undefined;
  await graph.up().catch(() => undefined);
});

async function report(svc: ChildService, n: number): Promise<string> {
  const user = reporter(connector, n);
  await svc.post(installActivity(user));
  await svc.post(openForm(user));
  await svc.post(submitForm(user, { category: 'lost-device', description: 'Mobilen ligg att på bussen' }));
  return waitFor(() => receiptReference(connector), 'the receipt');
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 800));

describe('Meld fra delivery survives outages', () => {
  it('retries 503, honours 429 Retry-After, times out a slow answer, then delivers exactly once', async () => {
    graph.failures.push(
      { status: 503, code: 'ServiceUnavailable' },
      { status: 429, code: 'TooManyRequests', retryAfterSeconds: 2 },
      { hangMs: 4000 },
    );
    const dataDir = newDataDir();
    service = await startChildService(env(dataDir));
    const reference = await report(service, 11);
    await waitFor(() => graph.mails.length === 1, 'the mail after the outage', 20000);
    await settle();
    expect(graph.mails).toHaveLength(1);
    expect(graph.attempts).toBe(4);
    // The attempt after the 429 came no sooner than its Retry-After.
    const [, second, third] = graph.attemptTimes;
    expect(third! - second!).toBeGreaterThanOrEqual(1950);
    expect(outboxRows(dataDir)[0]).toMatchObject({ reference, status: 'delivered', attempts: 4 });
    await waitFor(() => sentTexts(connector).some((t) => t.includes(reference) && t.includes('levert')), 'note');
    const logs = service.logText();
    expect(logs).toMatch(/"status":"retrying".*"reason":"http 503 ServiceUnavailable"/);
    expect(logs).toMatch(/"reason":"http 429 TooManyRequests"/);
    expect(logs).toMatch(/"reason":"timeout"/);
  });

  it('ends an attempt in time while the identity platform hangs, and delivers once when it answers', async () => {
    token.hold();
    const dataDir = newDataDir();
    service = await startChildService(env(dataDir));
    const reference = await report(service, 14);
    // GRAPH_TIMEOUT_SECONDS is 1.5: the attempt is a timeout although its token request still hangs, so the
    // outbox's lease (sized for one attempt) never runs out under a send that is still going on.
    await waitFor(() => outboxRows(dataDir)[0]?.last_error === 'timeout', 'an attempt ended as a timeout', 10000);
    expect(graph.attempts).toBe(0);
    token.release();
    await waitFor(() => graph.mails.length === 1, 'the mail once tokens come');
    await settle();
    // The token that came late for a given-up attempt sent nothing: one mail.
    expect(graph.mails).toHaveLength(1);
    expect(outboxRows(dataDir)[0]).toMatchObject({ reference, status: 'delivered' });
  });

  it('keeps trying while Graph refuses connections, and delivers once it is back', async () => {
    await graph.down();
    const dataDir = newDataDir();
    service = await startChildService(env(dataDir));
    const reference = await report(service, 12);
    await waitFor(() => Number(outboxRows(dataDir)[0]?.attempts) >= 2, 'two failed attempts');
    expect(outboxRows(dataDir)[0]).toMatchObject({ last_error: 'network' });
    await graph.up();
    await waitFor(() => graph.mails.length === 1, 'the mail after the outage');
    await settle();
    expect(graph.mails).toHaveLength(1);
    expect(outboxRows(dataDir)[0]).toMatchObject({ reference, status: 'delivered' });
  });

  it('after kill -9 between receipt and delivery, delivers exactly once when restarted on the same data', async () => {
    await graph.down();
    const dataDir = newDataDir();
    service = await startChildService(env(dataDir, { REPORT_RETRY_SECONDS: '2' }));
    const reference = await report(service, 13);
    // Killed while the report waits for its next attempt: no lease is held, nothing was delivered.
    await waitFor(() => {
      const row = outboxRows(dataDir)[0];
      return row?.status === 'pending' && row.lease_owner === null && Number(row.attempts) >= 1;
    }, 'a failed first attempt');
    await service.kill();
    service = undefined;
    await graph.up();
    expect(graph.mails).toHaveLength(0);

    service = await startChildService(env(dataDir, { REPORT_RETRY_SECONDS: '2' }));
    await waitFor(() => graph.mails.length === 1, 'the mail after the restart');
    await settle();
    expect(graph.mails).toHaveLength(1);
    expect(graph.mails[0]?.request.message.subject).toContain(reference);
    expect(outboxRows(dataDir)[0]).toMatchObject({ status: 'delivered', content_json: null });
    await waitFor(() => sentTexts(connector).some((t) => t.includes(reference)), 'the delivered note');
  });

  it('tells the reporter to call IT, and logs loudly, when delivery keeps failing past the give-up time', async () => {
    await graph.down();
    const dataDir = newDataDir();
    service = await startChildService(env(dataDir, { REPORT_GIVE_UP_MINUTES: '0.03' }));
    const reference = await report(service, 14);
    const note = await waitFor(() => sentTexts(connector).find((t) => t.includes('Ring')), 'the give-up note');
    expect(note).toContain(reference);
    expect(note).toContain('Ring IT-brukerstøtte');
    // The note goes out before the outbox records it; under load that takes a moment.
    await waitFor(() => outboxRows(dataDir)[0]?.notice_due === null, 'the note recorded');
    expect(outboxRows(dataDir)[0]).toMatchObject({ status: 'failed', notice_due: null });
    // The content stays so nothing is lost; an admin finds it by the reference in the log.
    expect(outboxRows(dataDir)[0]?.content_json).toContain('Mobilen');
    expect(service.logText()).toMatch(/"level":50.*MELD_FRA_DELIVERY_FAILED/);
  });
});
