import { installActivity } from '../support/activities';
import { startChildService, waitFor, type ChildService } from '../support/child-service';
import {
  fileActivity,
  inlineImageActivity,
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

const { graph, connector, files, token, tls, env } = useReportStandIns();
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

    // A picture pasted inline comes as image/png with a contentUrl (local mode: no bot token to send).
    const pasted = Buffer.from('pasted-picture', 'utf8');
    files.files.set('/limt-inn.png', pasted);
    await service.post(inlineImageActivity(user, files.url('limt-inn.png')));
    await connector.waitForSent(4);
    expect(sentTexts(connector).at(-1)).toContain('«image.png»');

    // No category: the form comes back with the error and every typed value kept.
    const typed = { description: 'E-post om passord som går ut', details: 'noreply@phish.example' };
    await service.post(submitForm(user, typed));
    await connector.waitForSent(5);
    const again = JSON.stringify(cardAt(4));
    expect(again).toContain('Velg hva som har skjedd.');
    expect(again).toContain(typed.description);
    expect(again).toContain(typed.details);
    expect(outboxRows(dataDir)).toHaveLength(0);

    await service.post(submitForm(user, { ...typed, category: 'suspicious-email' }));
    await connector.waitForSent(6);
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
      {
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: 'image.png',
        contentType: 'image/png',
        contentBytes: pasted.toString('base64'),
      },
    ]);
    expect(request.saveToSentItems).toBe(true);

    const note = await waitFor(() => sentTexts(connector).find((t) => t.includes('levert til IT')), 'delivered note');
    expect(note).toContain(reference);
    const row = await waitFor(() => outboxRows(dataDir).find((r) => r.notice_due === null), 'the note recorded');
    expect(row).toMatchObject({ status: 'delivered', content_json: null });
    expect(JSON.stringify(row)).not.toContain(REPORTER.name);

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(graph.mails).toHaveLength(1);
    const logs = service.logText();
    expect(logs).toContain(reference);
    for (const secret of [typed.description, typed.details, REPORTER.name, REPORTER.email, 'skjermbilde'])
      expect(logs).not.toContain(secret);
  });
});

describe('Meld fra with both e-mail and the IT channel', () => {
  const IT_CHANNEL = '19:it-support@thread.tacv2';

  it('a card Teams refuses as too large does not fail a report IT has by e-mail', async () => {
    connector.conversationFailures.set(IT_CHANNEL, [{ status: 413, code: 'MessageSizeTooBig' }]);
    const dataDir = newDataDir();
    service = await startChildService(env(dataDir, { IT_CHANNEL }));
    const user = reporter(connector, 6);
    await service.post(installActivity(user));
    const description = 'Ein lang e-post om fakturaen';
    await service.post(submitForm(user, { category: 'suspicious-email', description }));
    await waitFor(() => graph.mails.length === 1, 'the mail');
    const row = await waitFor(() => {
      const found = outboxRows(dataDir)[0];
      return found?.status === 'delivered' || found?.status === 'failed' ? found : undefined;
    }, 'delivered or failed');
    expect(row).toMatchObject({ status: 'delivered', channel_posted_at: null });
    expect(row.channel_gave_up_at).toEqual(expect.any(String));
    const note = await waitFor(() => sentTexts(connector).find((t) => t.includes('levert til IT')), 'delivered note');
    expect(note).toContain(String(row.reference));
    expect(sentTexts(connector).some((t) => t.includes('Ring'))).toBe(false);
    // Said once, loudly, with the reference and no content, so someone fixes the card.
    const logs = service.logText();
    expect(logs).toMatch(/"level":50.*MELD_FRA_CHANNEL_CARD_REFUSED/);
    expect(logs).not.toContain('MELD_FRA_DELIVERY_FAILED');
    expect(logs).not.toContain(description);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(connector.sent.filter((s) => s.conversationId === IT_CHANNEL)).toHaveLength(0);
    expect(graph.mails).toHaveLength(1);
  });
});

describe('Meld fra treats every user value as data', () => {
  const injections = [
    '<script>alert("x")</script>',
    '<b>fet</b><img src=x onerror=alert(1)>',
    'Bcc: evil@example.com\r\nSubject: overtatt',
    '🔒🧑‍💻 emoji',
    'مرحبا بالعالم \u202Egnp.exe',
  ].join('\n');

  it('escapes HTML, script, header-like text, emoji and right-to-left text in every field', async () => {
    const dataDir = newDataDir();
    service = await startChildService(env(dataDir));
    const user = reporter(connector, 2);
    await service.post(installActivity(user));
    await service.post(openForm(user));
    files.files.set('/evil.png', Buffer.from('png'));
    await service.post(fileActivity(user, '<img src=x onerror=alert(2)>\u202E.png', files.url('evil.png')));
    await service.post(
      submitForm(user, { category: 'other', description: injections, details: '<a href="javascript:alert(1)">x</a>' }),
    );
    await waitFor(() => graph.mails.length === 1, 'the mail');
    const { subject, body, attachments } = graph.mails[0]!.request.message;
    expect(subject).toMatch(/^\[Meld fra\] MF-\d{4}-\d{6} — Noe annet$/);
    const html = body.content;
    expect(html).not.toMatch(/<script|<img|<b>|<a /i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;');
    expect(html).toContain('Bcc: evil@example.com<br>Subject: overtatt');
    expect(html).not.toContain('\r');
    expect(html).toContain('🔒🧑‍💻 emoji');
    expect(html).toContain('<div dir="auto" style="white-space:pre-wrap">');
    expect(html).toContain('مرحبا بالعالم');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;.png');
    expect(attachments?.[0]?.name).toBe('<img src=x onerror=alert(2)>.png');
  });

  it('refuses a description over 4,000 characters in the form, keeping what was typed', async () => {
    const dataDir = newDataDir();
    service = await startChildService(env(dataDir));
    const user = reporter(connector, 3);
    await service.post(submitForm(user, { category: 'other', description: 'x'.repeat(10_000) }));
    await connector.waitForSent(1);
    const card = JSON.stringify(cardAt(0));
    expect(card).toContain('høyst 4\u00a0000 tegn');
    expect(card).toContain('x'.repeat(10_000));
    expect(outboxRows(dataDir)).toHaveLength(0);
  });
});

describe('attachments and credentials', () => {
  it('leaves a file over the size limit out, says so kindly, and names it in the mail', async () => {
    const dataDir = newDataDir();
    service = await startChildService(env(dataDir, { MAX_ATTACHMENT_MB: '0.1' }));
    const user = reporter(connector, 4);
    await service.post(installActivity(user));
    await service.post(openForm(user));
    files.files.set('/big.pdf', Buffer.alloc(150_000, 1));
    await service.post(fileActivity(user, 'big.pdf', files.url('big.pdf')));
    const reply = await waitFor(() => sentTexts(connector).find((t) => t.includes('big.pdf')), 'the size reply');
    expect(reply).toBe(
      '«big.pdf» er for stor til å sendes med (grensen er 0,1 MB til sammen). Send meldingen uten filen – IT kan be deg om den senere.',
    );
    await service.post(submitForm(user, { category: 'clicked-link' }));
    await waitFor(() => graph.mails.length === 1, 'the mail');
    const message = graph.mails[0]!.request.message;
    expect(message.attachments).toEqual([]);
    expect(message.body.content).toContain('Filer som ikke kom med (for store eller ikke tilgjengelige): big.pdf');
  });

  it.each([
    ['certificate', 'certificate'],
    ['managed-identity', 'managed-identity'],
  ])('signs in with GRAPH_AUTH=%s', async (auth, proof) => {
    const dataDir = newDataDir();
    const extra: Record<string, string> =
      auth === 'certificate'
        ? { GRAPH_AUTH: auth, GRAPH_CLIENT_SECRET: '', GRAPH_CERTIFICATE_PATH: `${tls.dir}/key-and-cert.pem` }
        : {
            GRAPH_AUTH: auth,
            GRAPH_CLIENT_SECRET: '',
            GRAPH_AUTHORITY_HOST: '',
            IDENTITY_ENDPOINT: `${token.url}/msi/token`,
            IDENTITY_HEADER: 'stand-in-identity-header',
          };
    service = await startChildService(env(dataDir, extra));
    const user = reporter(connector, 5);
    await service.post(installActivity(user));
    await service.post(submitForm(user, { category: 'typed-password' }));
    await waitFor(() => graph.mails.length === 1, 'the mail');
    expect(token.requests.at(-1)?.proof).toBe(proof);
  });
});
