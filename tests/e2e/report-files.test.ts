import { installActivity } from '../support/activities';
import { startChildService, waitFor, type ChildService } from '../support/child-service';
import { fileActivity, openForm, reporter, sentTexts, submitForm, useReportStandIns } from '../support/report-fixture';
import { newDataDir } from '../support/test-service';

const { graph, connector, files, env } = useReportStandIns();
let service: ChildService | undefined;
afterEach(async () => {
  files.delayMs = 0;
  await service?.stop();
  service = undefined;
});

const attachedNames = (mail: number) =>
  (graph.mails[mail]?.request.message.attachments as { name: string }[]).map((a) => a.name).sort();

/** Files arrive while other turns of the same user run: each file is added in one step, never lost or revived. */
describe('files for Meld fra, with turns of the same user at the same time', () => {
  it('keeps both of two files dropped at the same moment', async () => {
    service = await startChildService(env(newDataDir()));
    const user = reporter(connector, 11);
    await service.post(installActivity(user));
    await service.post(openForm(user));
    files.files.set('/a.png', Buffer.from('first screenshot'));
    files.files.set('/b.png', Buffer.from('second screenshot'));
    // Both turns read the draft before either download is done.
    files.delayMs = 300;
    await Promise.all([
      service.post(fileActivity(user, 'a.png', files.url('a.png'))),
      service.post(fileActivity(user, 'b.png', files.url('b.png'))),
    ]);
    await service.post(submitForm(user, { category: 'suspicious-email' }));
    await waitFor(() => graph.mails.length === 1, 'the mail');
    expect(attachedNames(0)).toEqual(['a.png', 'b.png']);
  });

  it('says so when a file arrives after the report was sent, and keeps it out of the next report', async () => {
    service = await startChildService(env(newDataDir()));
    const user = reporter(connector, 12);
    await service.post(installActivity(user));
    await service.post(openForm(user));
    files.files.set('/late.png', Buffer.from('a slow screenshot'));
    files.delayMs = 1500;
    const slowFile = service.post(fileActivity(user, 'late.png', files.url('late.png')));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await service.post(submitForm(user, { category: 'suspicious-email' }));
    await slowFile;
    expect(sentTexts(connector)).toContain(
      '«late.png» kom etter at meldingen var sendt, så filen ble ikke lagt ved. Vil du sende den til IT, skriver du «meld fra» på nytt og sender filen en gang til.',
    );
    files.delayMs = 0;
    await service.post(openForm(user));
    await service.post(submitForm(user, { category: 'lost-device' }));
    await waitFor(() => graph.mails.length === 2, 'both mails');
    expect([attachedNames(0), attachedNames(1)]).toEqual([[], []]);
  });

  it('answers a question sent with a file when no form is open, and says how to send the file to IT', async () => {
    service = await startChildService(env(newDataDir()));
    const user = reporter(connector, 14);
    await service.post(installActivity(user));
    const sentBefore = connector.sent.length;
    files.files.set('/mail.png', Buffer.from('a screenshot of an odd e-mail'));
    const question = 'kan jeg bruke samme passord på jobb og privat?';
    await service.post({ ...fileActivity(user, 'mail.png', files.url('mail.png')), text: question });
    const replies = connector.sent.slice(sentBefore).map((s) => s.activity);
    const card = (replies[0]?.attachments as { content: { body: { text?: string }[] } }[] | undefined)?.[0];
    expect(card?.content.body.map((b) => b.text)).toContain('Fra temaet «Sterke passord»');
    expect(replies[1]?.text).toBe(
      'Vil du sende dette til IT? Skriv «meld fra» først, så legger jeg filen ved meldingen.',
    );
  });

  it('attaches a screenshot sent together with «meld fra»', async () => {
    service = await startChildService(env(newDataDir()));
    const user = reporter(connector, 13);
    await service.post(installActivity(user));
    files.files.set('/with-command.png', Buffer.from('screenshot sent with the command'));
    await service.post({ ...fileActivity(user, 'with-command.png', files.url('with-command.png')), text: 'meld fra' });
    expect(sentTexts(connector)).toContain('Takk! Jeg legger ved «with-command.png» når du sender meldingen.');
    await service.post(submitForm(user, { category: 'suspicious-email' }));
    await waitFor(() => graph.mails.length === 1, 'the mail');
    expect(attachedNames(0)).toEqual(['with-command.png']);
  });
});

describe('files for Meld fra, by the limit in MAX_ATTACHMENT_MB', () => {
  type Card = { body: { text?: string }[] };
  const lastCardText = () =>
    JSON.stringify((connector.sent.at(-1)?.activity.attachments as { content: Card }[] | undefined)?.[0]?.content);

  it('writes the limit as Norwegian does: «høyst 2,5 MB»', async () => {
    service = await startChildService(env(newDataDir(), { MAX_ATTACHMENT_MB: '2.5' }));
    await service.post(openForm(reporter(connector, 14)));
    await connector.waitForSent(1);
    expect(lastCardText()).toContain('(høyst 2,5 MB til sammen)');
  });

  it('with 0, invites no files, fetches none, says so kindly and names the file in the mail', async () => {
    service = await startChildService(env(newDataDir(), { MAX_ATTACHMENT_MB: '0' }));
    const user = reporter(connector, 15);
    await service.post(installActivity(user));
    await service.post(openForm(user));
    await connector.waitForSent(2);
    expect(lastCardText()).toContain(
      'Filer og skjermbilder kan ikke sendes med her. Trenger IT dem, ber de deg om dem.',
    );
    expect(lastCardText()).not.toContain('MB');
    files.files.set('/off.png', Buffer.from('a screenshot'));
    await service.post(fileActivity(user, 'off.png', files.url('off.png')));
    expect(sentTexts(connector)).toContain(
      '«off.png» ble ikke lagt ved: her sendes meldinger uten filer. IT kan be deg om den senere.',
    );
    expect(files.authorizations.has('/off.png')).toBe(false);
    await service.post(submitForm(user, { category: 'suspicious-email' }));
    await waitFor(() => graph.mails.length === 1, 'the mail');
    expect(attachedNames(0)).toEqual([]);
    expect(graph.mails[0]?.request.message.body.content).toContain('ikke tilgjengelige): off.png');
  });
});
