import { installActivity } from '../support/activities';
import { startChildService, waitFor, type ChildService } from '../support/child-service';
import {
  fileActivity,
  IT_SUPPORT,
  openForm,
  outboxRows,
  receiptReference,
  reporter,
  REPORTER,
  SENDER,
  sentTexts,
  submitForm,
  useReportStandIns,
} from '../support/report-fixture';
import { newDataDir } from '../support/test-service';

const { graph, connector, files, token, env } = useReportStandIns();
let service: ChildService | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

type Card = { body: { id?: string; value?: string; items?: { text?: string }[] }[] };
const cardAt = (index: number) =>
  (connector.sent[index]?.activity.attachments as { content: Card }[] | undefined)?.[0]?.content;
const input = (card: Card | undefined, id: string) => JSON.stringify(card).includes(`"id":"${id}"`);

describe('Meld fra through Microsoft Graph (real Graph client, real @azure/identity, loopback stand-ins)', () => {
  it('form → validation keeps values → receipt after the outbox write → one valid sendMail → delivered note', async () => {
    const dataDir = newDataDir();
    service = await startChildService(env(dataDir));
    const user = reporter(connector, 1);
    await service.post(installActivity(user));
    await service.post(openForm(user));
    await connector.waitForSent(2);
    expect(input(cardAt(1), 'category')).toBe(true);

    const screenshot = Buffer.from('89504e470d0a1a0a-not-really-a-png', 'utf8');
    files.files.set('/skjermbilde.png', screenshot);
    await service.post(fileActivity(user, 'skjermbilde.png', files.url('skjermbilde.png')));
    await connector.waitForSent(3);
    expect(sentTexts(connector).at(-1)).toContain('«skjermbilde.png»');

    // No category: the form comes back with the error and every typed value kept.
    const typed = { description: 'E-post om passord som går ut', details: 'noreply@phish.example' };
    await service.post(submitForm(user, typed));
    await connector.waitForSent(4);
    const again = JSON.stringify(cardAt(3));
    expect(again).toContain('Velg hva som har skjedd.');
    expect(again).toContain(typed.description);
    expect(again).toContain(typed.details);
    expect(outboxRows(dataDir)).toHaveLength(0);

    await service.post(submitForm(user, { ...typed, category: 'suspicious-email' }));
    await connector.waitForSent(5);
    const reference = receiptReference(connector);
    expect(reference).toMatch(/^MF-\d{4}-000001$/);
    // The receipt went out in the turn that wrote the row: the row exists by now, with its reference.
    expect(outboxRows(dataDir)[0]?.reference).toBe(reference);

    await waitFor(() => graph.mails.length === 1, 'the mail');
    const { mailbox, request } = graph.mails[0]!;
    expect(mailbox).toBe(SENDER);
    expect(token.requests.at(-1)).toMatchObject({ proof: 'secret', scope: 'https://graph.microsoft.com/.default' });
    expect(request.message.subject).toBe(`[Meld fra] ${reference} — Mistenkelig e-post`);
    expect(request.message.body.contentType).toBe('HTML');
    expect(request.message.body.content).toContain(typed.description);
    expect(request.message.body.content).toContain(`${REPORTER.name} &lt;${REPORTER.email}&gt;`);
    expect(request.message.toRecipients).toEqual([{ emailAddress: { address: IT_SUPPORT } }]);
    expect(request.message.replyTo).toEqual([{ emailAddress: { address: REPORTER.email } }]);
    expect(request.message.attachments).toEqual([
      {
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: 'skjermbilde.png',
        contentType: 'image/png',
        contentBytes: screenshot.toString('base64'),
      },
    ]);
    expect(request.saveToSentItems).toBe(true);

    const note = await waitFor(() => sentTexts(connector).find((t) => t.includes('levert til IT')), 'delivered note');
    expect(note).toContain(reference);
    const row = outboxRows(dataDir)[0];
    expect(row).toMatchObject({ status: 'delivered', content_json: null, notice_due: null });
    expect(JSON.stringify(row)).not.toContain(REPORTER.name);

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(graph.mails).toHaveLength(1);
    const logs = service.logText();
    expect(logs).toContain(reference);
    for (const secret of [typed.description, typed.details, REPORTER.name, REPORTER.email, 'skjermbilde'])
      expect(logs).not.toContain(secret);
  });
});
