import {
  BOT_ID,
  executeActivity,
  installActivity,
  messageActivity,
  OTHER_TENANT,
  submitActivity,
  TENANT,
  uninstallActivity,
  type UserSpec,
} from '../support/activities';
import { waitFor } from '../support/child-service';
import { outboxRows, receiptReference, sentTexts } from '../support/report-fixture';
import { useLocalService } from '../support/use-local-service';

const IT_CHANNEL = '19:it-support@thread.tacv2';
const ADMIN = 'bbbbbbbb-0000-4000-8000-000000000001';
// The IT channel alone: no Graph settings at all, so no Graph permission is needed for this path.
// Two municipalities on one refleks: neither may close the other's reports.
const fixture = useLocalService({
  IT_CHANNEL,
  ADMIN_AAD_OBJECT_IDS: ADMIN,
  REPORT_WORKER_SECONDS: '0.2',
  ALLOWED_TENANT_IDS: `${TENANT},${OTHER_TENANT}`,
});
const connector = fixture.connector;

const user = (): UserSpec => ({ aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000a001', serviceUrl: connector.url });
const inChannel = (activity: Record<string, unknown>, channel = IT_CHANNEL, tenantId = TENANT) => ({
  ...activity,
  conversation: { id: `${channel};messageid=1700000000000`, conversationType: 'channel', tenantId },
  channelData: { tenant: { id: tenantId } },
});
type Action = { type: string; verb: string; data: Record<string, unknown> };
type Card = { body: unknown[]; actions?: Action[] };
const cardIn = (conversationId: string) =>
  connector.sent
    .filter((s) => s.conversationId === conversationId)
    .map((s) => (s.activity.attachments as { content: Card }[])[0]?.content)
    .at(-1);

async function report(reporter: UserSpec): Promise<string> {
  await fixture.service().post(installActivity(reporter));
  await fixture.service().post(submitActivity(reporter, { action: 'report-open', theme: 'passwords' }));
  await fixture.service().post(
    submitActivity(reporter, {
      action: 'report-submit',
      category: 'suspicious-teams',
      description: 'Fekk ei melding med [lenkje](https://phish.example) og **hast**',
    }),
  );
  return waitFor(() => receiptReference(connector), 'the receipt');
}

describe('the IT channel and the «Behandlet» loop', () => {
  it('posts each report to the IT channel; «Behandlet» updates the card and thanks the reporter once', async () => {
    const reporter = user();
    const reference = await report(reporter);
    const card = await waitFor(() => cardIn(IT_CHANNEL), 'the card in the IT channel');
    const text = JSON.stringify(card);
    expect(text).toContain(reference);
    expect(text).toContain('Mistenkelig Teams-melding');
    // User text is a TextRun: Teams shows the markdown characters, never a live link.
    expect(text).toContain(
      '{"type":"TextRun","text":"Fekk ei melding med [lenkje](https://phish.example) og **hast**"}',
    );
    expect(text).not.toContain('kari');
    const action = card?.actions?.[0];
    expect(action).toMatchObject({ type: 'Action.Execute', verb: 'report-handled', data: { reference } });
    await waitFor(() => outboxRows(fixture.dataDir())[0]?.status === 'delivered', 'delivered');

    const itPerson = { aadObjectId: 'cccccccc-0000-4000-8000-000000000001', serviceUrl: connector.url };
    const press = () => fixture.service().post(inChannel(executeActivity(itPerson, action!.verb, action!.data)));
    const response = (await (await press()).json()) as { value: Card };
    const updated = JSON.stringify(response.value);
    expect(updated).toContain('✓ Behandlet av IT');
    expect(updated).toContain(reference);
    expect(updated).toContain('Mistenkelig Teams-melding');
    // Drawn again from the outbox, which deleted the description on delivery: the text IT read came back
    // with the button, so the card still shows it.
    expect(updated).toContain(
      '{"type":"TextRun","text":"Fekk ei melding med [lenkje](https://phish.example) og **hast**"}',
    );
    expect(updated).not.toContain('refleks sletter beskrivelsen');
    expect(response.value.actions ?? []).toEqual([]);

    const thanks = await waitFor(() => sentTexts(connector).find((t) => t.includes('behandlet')), 'the thank-you');
    expect(thanks).toBe(
      `IT har behandlet meldingen din ${reference}. Takk for at du sa fra – det gjør kommunen tryggere for alle.`,
    );
    expect(connector.sent.find((s) => s.activity.text === thanks)?.conversationId).toBe(
      `a:personal-${reporter.aadObjectId}`,
    );
    await press();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(sentTexts(connector).filter((t) => t.includes('behandlet'))).toHaveLength(1);
    expect(outboxRows(fixture.dataDir())[0]).toMatchObject({ notice_due: null });
    expect(outboxRows(fixture.dataDir())[0]?.handled_at).toEqual(expect.any(String));
  });

  it("keeps a long report under Teams' 28 KB: shortened, saying where the rest is, never failed for its size", async () => {
    connector.maxActivityBytes = 28 * 1024;
    const reporter = user();
    await fixture.service().post(installActivity(reporter));
    await fixture.service().post(submitActivity(reporter, { action: 'report-open', theme: 'passwords' }));
    // The longest description and details the form takes, in the characters that cost the most bytes.
    const description = `${'漢'.repeat(3000)}${'"'.repeat(999)}\u0001`;
    const details = '漢'.repeat(1000);
    const form = { action: 'report-submit', category: 'other', description, details };
    await fixture.service().post(submitActivity(reporter, form));
    const reference = await waitFor(() => receiptReference(connector), 'the receipt');
    const settled = await waitFor(() => {
      const row = outboxRows(fixture.dataDir())[0];
      return row?.status === 'delivered' || row?.status === 'failed' ? row : undefined;
    }, 'delivered or failed');
    expect(settled).toMatchObject({ reference, status: 'delivered' });
    expect(sentTexts(connector).some((t) => t.includes('Ring'))).toBe(false);

    const card = await waitFor(() => cardIn(IT_CHANNEL), 'the card in the IT channel');
    const text = JSON.stringify(card);
    expect(text).toContain('漢'.repeat(1000));
    expect(text).not.toContain(description);
    expect(text).toContain('Teksten er forkortet her. Be den som meldte fra om resten.');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(20 * 1024);
    const action = card?.actions?.[0];
    expect(action?.data).toMatchObject({ reference, shortened: true });

    const itPerson = { aadObjectId: 'cccccccc-0000-4000-8000-000000000001', serviceUrl: connector.url };
    const pressed = await fixture.service().post(inChannel(executeActivity(itPerson, action!.verb, action!.data)));
    const updated = ((await pressed.json()) as { value: Card }).value;
    expect(JSON.stringify(updated)).toContain('✓ Behandlet av IT');
    expect(JSON.stringify(updated)).toContain('漢'.repeat(1000));
    expect(JSON.stringify(updated)).toContain('Teksten er forkortet her. Be den som meldte fra om resten.');
    expect(Buffer.byteLength(JSON.stringify(updated))).toBeLessThan(28 * 1024);
  });

  it("lets only IT's channel in the report's own tenant mark it handled; elsewhere it kindly changes nothing", async () => {
    const reference = await report(user());
    const action = (await waitFor(() => cardIn(IT_CHANNEL), 'the card in the IT channel'))?.actions?.[0];
    await waitFor(() => outboxRows(fixture.dataDir())[0]?.notice_due === null, 'the delivered note sent');
    const stranger = { aadObjectId: 'cccccccc-0000-4000-8000-000000000009', serviceUrl: connector.url };
    const outsider = { ...stranger, tenantId: OTHER_TENANT };
    const admin = { aadObjectId: ADMIN, serviceUrl: connector.url, tenantId: OTHER_TENANT };
    // The other municipality's admin chooses their own IT channel.
    await fixture
      .service()
      .post(inChannel(messageActivity(admin, 'sett it-kanal'), '19:other-it@thread.tacv2', OTHER_TENANT));
    await waitFor(() => sentTexts(connector).find((t) => t.includes('Denne kanalen')), 'the channel set');
    type Answer = { statusCode: number; value: { message: string } };
    const press = async (activity: Record<string, unknown>) =>
      (await (await fixture.service().post(activity)).json()) as Answer;
    const execute = (who: typeof stranger, data = action!.data) => executeActivity(who, 'report-handled', data);

    const onlyThere = 'Dette kan bare gjøres i IT-kanalen som får meldingene fra refleks.';
    const notFound = `Jeg finner ikke meldingen ${reference}. refleks sletter gamle meldinger etter en tid.`;
    // Another channel of the same municipality, and the personal chat.
    expect(await press(inChannel(execute(stranger), '19:random@thread.tacv2'))).toMatchObject({
      statusCode: 400,
      value: { message: onlyThere },
    });
    expect(await press(execute(stranger))).toMatchObject({ value: { message: onlyThere } });
    // The other municipality: in its own IT channel, and naming this one's channel by hand.
    expect(await press(inChannel(execute(outsider), '19:other-it@thread.tacv2', OTHER_TENANT))).toMatchObject({
      value: { message: notFound },
    });
    expect(await press(inChannel(execute(outsider), IT_CHANNEL, OTHER_TENANT))).toMatchObject({
      value: { message: onlyThere },
    });
    // A reference that does not exist, in the right channel.
    const unknown = { ...action!.data, reference: 'MF-2020-000001' };
    expect(await press(inChannel(execute(stranger, unknown)))).toMatchObject({
      value: { message: 'Jeg finner ikke meldingen MF-2020-000001. refleks sletter gamle meldinger etter en tid.' },
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(outboxRows(fixture.dataDir())[0]).toMatchObject({ reference, handled_at: null, notice_due: null });
    expect(sentTexts(connector).some((t) => t.includes('behandlet'))).toBe(false);

    const handled = await press(inChannel(execute(stranger)));
    expect(JSON.stringify(handled)).toContain('✓ Behandlet av IT');
    await waitFor(() => sentTexts(connector).find((t) => t.includes('behandlet')), 'the thank-you');
  });

  it('lets an admin move the reports to another channel with «sett it-kanal», and no one else', async () => {
    const other = '19:another-team@thread.tacv2';
    const someone = { aadObjectId: 'cccccccc-0000-4000-8000-000000000002', serviceUrl: connector.url };
    await fixture.service().post(inChannel(messageActivity(someone, 'sett it-kanal'), other));
    await connector.waitForSent(1);
    expect(connector.sent[0]?.activity.text).toBe('Bare administratorer av refleks kan velge IT-kanal.');

    const admin = { aadObjectId: ADMIN, serviceUrl: connector.url };
    // In a channel Teams sends the @mention of the bot along, as text and as an entity.
    const mention = { type: 'mention', text: '<at>refleks</at>', mentioned: { id: BOT_ID, name: 'refleks' } };
    const command = { ...messageActivity(admin, '<at>refleks</at> sett it-kanal'), entities: [mention] };
    await fixture.service().post(inChannel(command, other));
    await connector.waitForSent(2);
    expect(connector.sent[1]?.activity.text).toBe('Denne kanalen får nå alle meldinger fra refleks.');

    await report(user());
    await waitFor(() => cardIn(other), 'the card in the new channel');
    expect(cardIn(IT_CHANNEL)).toBeUndefined();
  });

  it('keeps a person reachable when they remove refleks from a team', async () => {
    const person = user();
    await fixture.service().post(installActivity(person));
    const removed = { ...uninstallActivity(person), type: 'conversationUpdate', membersRemoved: [{ id: BOT_ID }] };
    await fixture.service().post(inChannel(removed));
    const health = (await (await fetch(`${fixture.service().url}/healthz`)).json()) as { activeRecipients: number };
    expect(health.activeRecipients).toBe(1);
  });

  it('sends «Spør IT» questions by the same path, with a receipt', async () => {
    const asker = user();
    await fixture.service().post(installActivity(asker));
    await fixture.service().post(submitActivity(asker, { action: 'ask-it', question: 'Kan eg bruke <b>Dropbox</b>?' }));
    const receipt = await waitFor(() => sentTexts(connector).find((t) => t.includes('Spørsmålet ditt')), 'receipt');
    const reference = /MF-\d{4}-\d{6}/.exec(receipt)?.[0];
    const card = JSON.stringify(await waitFor(() => cardIn(IT_CHANNEL), 'the question in the IT channel'));
    expect(card).toContain('Nytt spørsmål fra refleks');
    expect(card).toContain('Kan eg bruke <b>Dropbox</b>?');
    expect(card).toContain(String(reference));
  });
});
