import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-paths';
import { messageActivity, submitActivity, TENANT } from '../support/activities';
import { newDataDir, startTestService } from '../support/test-service';
import { useLocalService } from '../support/use-local-service';

const fixture = useLocalService();
const user = (locale = 'nb-NO') => ({
  aadObjectId: 'dddddddd-0000-4000-8000-000000000004',
  serviceUrl: fixture.connector.url,
  locale,
});

type Element = { type: string; text?: string; selectAction?: { data: Record<string, unknown> }; actions?: Action[] };
type Action = { type: string; title: string; data: Record<string, unknown> };
const bodyOf = (index: number) => fixture.sentCard(index).body as Element[];
const textsOf = (index: number) => bodyOf(index).map((element) => element.text ?? '');
const actionsOf = (index: number) => bodyOf(index).flatMap((element) => element.actions ?? []);
const selectDataOf = (index: number) => bodyOf(index).flatMap((e) => (e.selectAction ? [e.selectAction.data] : []));
const sentText = (index: number) => String(fixture.connector.sent[index]?.activity.text);

async function post(activity: object, replies = 1): Promise<void> {
  const res = await fixture.service().post(activity);
  expect(res.status).toBe(200);
  await fixture.connector.waitForSent(replies);
}

describe('questions through the real server', () => {
  it('answers from the content with the theme, related questions and 👍/👎', async () => {
    await post(messageActivity(user(), 'kan jeg lagre dette på OneDrive?'));
    expect(textsOf(0)).toContain('Fra temaet «Lagre jobbinformasjon på riktig sted»');
    const related = selectDataOf(0);
    expect(related.length).toBeGreaterThanOrEqual(2);
    expect(related.every((data) => data.action === 'ask' && typeof data.question === 'string')).toBe(true);
    expect(related.every((data) => data.theme === 'data-storage' && typeof data.faq === 'string')).toBe(true);
    const feedback = actionsOf(0).filter((a) => a.data.action === 'feedback');
    expect(feedback.map((a) => a.data)).toEqual([
      { action: 'feedback', helpful: true, theme: 'data-storage', faq: expect.any(String) as string },
      { action: 'feedback', helpful: false, theme: 'data-storage', faq: expect.any(String) as string },
    ]);
  });

  it('puts the urgent steps and «Meld fra» first when something has already happened', async () => {
    await post(messageActivity(user(), 'jeg har trykket på en lenke i en rar e-post, hva nå?'), 2);
    expect(textsOf(0)[0]).toBe('Bra at du sier fra!');
    expect(textsOf(0).some((text) => /^\d\. Ring IT-brukerstøtte/.test(text))).toBe(true);
    expect(actionsOf(0)).toEqual([expect.objectContaining({ title: 'Meld fra', data: { action: 'report-open' } })]);
    expect(textsOf(1).some((text) => text.startsWith('Fra temaet'))).toBe(true);
  });

  it('answers in the language of the question, not the Teams locale', async () => {
    await post(messageActivity(user('nb-NO'), 'korleis lagar eg eit godt passord?'));
    expect(textsOf(0)).toContain('Frå temaet «Sterke passord»');
  });

  it('says kindly when a question is outside what it knows', async () => {
    await post(messageActivity(user('en-GB'), 'how many vacation days do I have left?'));
    expect(sentText(0)).toContain("That's outside what I can answer");
  });

  it('does not guess: offers the closest topics, the IT contact and «Spør IT»', async () => {
    const question = 'er det trygt å bruke bluetooth-tastatur på kontoret?';
    await post(messageActivity(user(), question));
    expect(textsOf(0)[0]).toBe('Det er jeg ikke sikker på');
    const topics = selectDataOf(0);
    expect(topics.length).toBeGreaterThanOrEqual(2);
    expect(topics.every((data) => data.action === 'ask-topic' && typeof data.theme === 'string')).toBe(true);
    expect(textsOf(0)).toContain('Du kan også spørre IT-brukerstøtte.');
    expect(actionsOf(0)).toEqual([expect.objectContaining({ title: 'Spør IT', data: { action: 'ask-it', question } })]);
  });

  it("adds IT's e-mail and portal from the local rules when it does not guess", async () => {
    const rules = path.join(PROJECT_ROOT, 'themes', 'local-rules.example.yaml');
    const env = { DATA_DIR: newDataDir(), ALLOWED_TENANT_IDS: TENANT, LOCAL_RULES_FILE: rules };
    const service = await startTestService(env);
    try {
      await service.post(messageActivity(user(), 'er det trygt å bruke bluetooth-tastatur på kontoret?'));
      await fixture.connector.waitForSent(1);
      expect(textsOf(0)).toContain(
        'Du kan også spørre Servicedesken (tlf. 22 33 44 55) eller skrive til servicedesk@kommune.example.',
      );
      expect(actionsOf(0)).toEqual([
        expect.objectContaining({ type: 'Action.Submit', title: 'Spør IT' }),
        { type: 'Action.OpenUrl', title: 'Åpne IT-portalen', url: 'https://servicedesk.kommune.example/' },
      ]);
    } finally {
      await service.stop();
    }
  });

  it('puts the whole question on «Spør IT», also beyond the part the engine reads', async () => {
    // The engine reads the first 1,000 characters; IT gets everything the user wrote.
    const question = `er det trygt å bruke bluetooth-tastatur på kontoret?${' '.repeat(1200)}Mvh Kari`;
    await post(messageActivity(user(), question));
    expect(textsOf(0)[0]).toBe('Det er jeg ikke sikker på');
    expect(actionsOf(0)[0]?.data).toEqual({ action: 'ask-it', question });
  });

  it('answers a related question pressed on a card', async () => {
    await post(submitActivity(user(), { action: 'ask', question: 'Hva er en passordfrase?' }));
    expect(textsOf(0)).toContain('Fra temaet «Sterke passord»');
  });

  it('offers a question from a theme scoring nearly as well, and pressing it answers from that theme', async () => {
    await post(messageActivity(user(), 'noen ringte og sa de var fra IT og ville ha passordet mitt'));
    expect(textsOf(0)).toContain('Fra temaet «Sterke passord»');
    const neighbour = selectDataOf(0).at(-1);
    expect(neighbour).toMatchObject({ action: 'ask', theme: 'report-it', faq: 'phone-calls' });
    await post(submitActivity(user(), neighbour ?? {}), 2);
    expect(textsOf(1)).toContain('Fra temaet «Meld fra»');
    expect(actionsOf(1).find((a) => a.data.action === 'feedback')?.data).toMatchObject({
      theme: 'report-it',
      faq: 'phone-calls',
    });
  });

  it('answers the very entry a pressed button names, whatever its wording matches best', async () => {
    // Its wording alone finds "what is two-factor" just as well: the button's entry decides.
    const pressed = {
      action: 'ask',
      question: 'Hvorfor må vi ha to-faktor?',
      theme: 'two-factor',
      faq: 'why-two-factor',
    };
    await post(submitActivity(user(), pressed));
    const feedback = actionsOf(0).find((a) => a.data.action === 'feedback');
    expect(feedback?.data).toMatchObject({ theme: 'two-factor', faq: 'why-two-factor' });
    // A button from an older card whose entry is gone: the wording still gets an answer.
    await post(submitActivity(user(), { ...pressed, faq: 'removed-entry' }), 2);
    expect(textsOf(1)).toContain('Fra temaet «Bruk to-faktor der du kan»');
  });

  it('shows a topic with questions to ask about it', async () => {
    await post(submitActivity(user(), { action: 'ask-topic', theme: 'two-factor' }));
    expect(textsOf(0)[0]).toBe('Bruk to-faktor der du kan');
    expect(selectDataOf(0)).toHaveLength(3);
    expect(selectDataOf(0)[0]).toEqual({
      action: 'ask',
      question: 'Hva er to-faktor?',
      theme: 'two-factor',
      faq: 'what-is-two-factor',
    });
  });

  it('treats a feedback button without a yes or no as an unknown button', async () => {
    for (const helpful of ['true', undefined])
      await post(submitActivity(user(), { action: 'feedback', helpful, theme: 'passwords', faq: 'how-long' }));
    await fixture.connector.waitForSent(2);
    expect([sentText(0), sentText(1)]).toEqual([
      expect.stringContaining('Den knappen kjenner jeg ikke igjen') as string,
      expect.stringContaining('Den knappen kjenner jeg ikke igjen') as string,
    ]);
  });

  it('thanks for 👍 and 👎', async () => {
    await post(submitActivity(user(), { action: 'feedback', helpful: true, theme: 'passwords', faq: 'how-long' }));
    await post(submitActivity(user(), { action: 'feedback', helpful: false, theme: 'passwords', faq: 'how-long' }), 2);
    expect(sentText(0)).toBe('Takk! Så fint at svaret hjalp.');
    expect(sentText(1)).toContain('Takk for at du sier fra!');
  });

  it('sends «Spør IT» to IT through the Meld fra outbox and gives a reference', async () => {
    await post(submitActivity(user(), { action: 'ask-it', question: 'er bluetooth trygt?' }));
    expect(sentText(0)).toMatch(/Spørsmålet ditt er sendt til IT med referanse MF-\d{4}-\d{6}/);
  });

  it('never logs the question', async () => {
    await post(messageActivity(user(), 'mitt passord Blåbær-Trapp-77 er lekket, hva gjør jeg?'));
    await post(submitActivity(user(), { action: 'ask-it', question: 'Blåbær-Trapp-77' }), 2);
    expect(fixture.service().logs.text).toContain('"route":"question"');
    expect(fixture.service().logs.text).not.toMatch(/Blåbær|Trapp|lekket/);
  });
});
