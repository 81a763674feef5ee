import { executeActivity, messageActivity, submitActivity } from '../support/activities';
import { useLocalService } from '../support/use-local-service';

const fixture = useLocalService();
const user = () => ({
  aadObjectId: 'cccccccc-0000-4000-8000-000000000003',
  serviceUrl: fixture.connector.url,
  locale: 'en-GB',
});

describe('quiz through the real server', () => {
  it('opens the quiz from the nudge button', async () => {
    await fixture.service().post(submitActivity(user(), { action: 'quiz-open', theme: 'passwords' }));
    await fixture.connector.waitForSent(1);
    const card = fixture.sentCard(0);
    const input = (card.body as { type: string; choices?: unknown[] }[]).find((b) => b.type === 'Input.ChoiceSet');
    expect(input?.choices).toHaveLength(4);
    expect((card.actions as { type: string; verb?: string }[])[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'quiz-answer',
    });
  });

  it('replaces the card in place with the result when answered with Action.Execute', async () => {
    const res = await fixture
      .service()
      .post(executeActivity(user(), 'quiz-answer', { theme: 'lock-devices', option: '1' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { type: string; value: { body: { text: string }[] } };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.value.body.map((b) => b.text)).toContain('✓ Spot on!');
    expect(fixture.connector.sent).toHaveLength(0);
  });

  it('answers kindly and shows the right answer after a wrong choice (Action.Submit fallback)', async () => {
    const res = await fixture
      .service()
      .post(submitActivity(user(), { action: 'quiz-answer', theme: 'lock-devices', option: '0' }));
    await fixture.connector.waitForSent(1);
    // Older clients cannot replace a card: the result comes as a new message, the HTTP answer carries no card.
    expect(await res.text()).toBe('');
    expect(fixture.connector.sent[0]).toMatchObject({
      conversationId: `a:personal-${user().aadObjectId}`,
      activity: { type: 'message' },
    });
    const texts = (fixture.sentCard(0).body as { text: string }[]).map((b) => b.text);
    expect(texts).toContain("Good try! Here's the answer");
    expect(texts.some((text) => text.startsWith('Right answer: '))).toBe(true);
  });

  it.each([undefined, '', null, 'first'])(
    'shows the question again when no option was chosen (option %p)',
    async (option) => {
      const res = await fixture
        .service()
        .post(executeActivity(user(), 'quiz-answer', { theme: 'lock-devices', option }));
      const body = (await res.json()) as { value: { body: { type: string }[] } };
      expect(body.value.body.some((b) => b.type === 'Input.ChoiceSet')).toBe(true);
    },
  );

  it('treats an unknown theme as an unknown button', async () => {
    await fixture.service().post(submitActivity(user(), { action: 'quiz-open', theme: 'no-such-theme' }));
    await fixture.connector.waitForSent(1);
    expect(String(fixture.connector.sent[0]?.activity.text)).toContain("don't recognise that button");
  });
});

interface InvokeBody {
  statusCode: number;
  type: string;
  value: { body?: { type: string; text?: string }[]; refresh?: Refresh; code?: string; message?: string };
}
interface Refresh {
  action: { type: string; verb: string; data: Record<string, unknown> };
  userIds: string[];
}

const texts = (body: InvokeBody) => (body.value.body ?? []).map((b) => b.text ?? b.type);

describe('quiz card refresh (Universal Actions) through the real server', () => {
  const refresh = async (data: Record<string, unknown>, trigger: 'automatic' | 'manual' = 'automatic') => {
    const res = await fixture.service().post(executeActivity(user(), 'quiz-refresh', data, trigger));
    expect(res.status).toBe(200);
    return (await res.json()) as InvokeBody;
  };

  it('puts a refresh for this user on the quiz card', async () => {
    await fixture.service().post(submitActivity(user(), { action: 'quiz-open', theme: 'passwords' }));
    await fixture.connector.waitForSent(1);
    expect(fixture.sentCard(0).refresh).toEqual({
      action: { type: 'Action.Execute', title: 'Refresh', verb: 'quiz-refresh', data: { theme: 'passwords' } },
      userIds: [`29:${user().aadObjectId}`],
    });
  });

  it('shows the question before the user has answered, and the result after', async () => {
    const before = await refresh({ theme: 'lock-devices' });
    expect(Object.keys(before).sort()).toEqual(['statusCode', 'type', 'value']);
    expect(before.statusCode).toBe(200);
    expect(before.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(before.value.body?.some((b) => b.type === 'Input.ChoiceSet')).toBe(true);
    expect(before.value.refresh?.action.verb).toBe('quiz-refresh');

    await fixture.service().post(executeActivity(user(), 'quiz-answer', { theme: 'lock-devices', option: '1' }));
    // The card Teams shows everywhere else is still the question: its refresh carries no option.
    const after = await refresh({ theme: 'lock-devices' });
    expect(after.statusCode).toBe(200);
    expect(after.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(texts(after)).toContain('✓ Spot on!');
    expect(texts(after)).toContain('Your answer: Lock the screen with Windows+L before I go.');
    expect(after.value.body?.some((b) => b.type === 'Input.ChoiceSet')).toBe(false);
    expect(after.value.refresh?.action.data).toEqual({ theme: 'lock-devices', option: '1' });
    // Refreshing records nothing and sends nothing.
    expect(fixture.connector.sent).toHaveLength(0);
  });

  it('shows the first answer kindly: the exact option when the card knows it, else the right answer', async () => {
    await fixture.service().post(submitActivity(user(), { action: 'quiz-answer', theme: 'lock-devices', option: '0' }));
    await fixture.service().post(executeActivity(user(), 'quiz-answer', { theme: 'lock-devices', option: '1' }));
    const remembered = texts(await refresh({ theme: 'lock-devices' }));
    expect(remembered).toContain("Good try! Here's the answer");
    expect(remembered).toContain('Right answer: Lock the screen with Windows+L before I go.');
    expect(remembered.some((text) => text.startsWith('Your answer'))).toBe(false);

    const exact = texts(await refresh({ theme: 'lock-devices', option: '0' }, 'manual'));
    expect(exact).toContain('Your answer: Leave it – I will be back in half a minute anyway.');
    expect(exact.some((text) => text.startsWith('Completely understandable!'))).toBe(true);
    // An option that disagrees with what was recorded (a right one) is not believed.
    expect(texts(await refresh({ theme: 'lock-devices', option: '1' }))).toContain("Good try! Here's the answer");
  });

  it('shows the question again once the user has deleted their data', async () => {
    await fixture.service().post(executeActivity(user(), 'quiz-answer', { theme: 'passwords', option: '0' }));
    await fixture.service().post(messageActivity(user(), 'slett mine data'));
    await fixture.service().post(submitActivity(user(), { action: 'delete-data-confirm' }));
    const body = await refresh({ theme: 'passwords' });
    expect(body.value.body?.some((b) => b.type === 'Input.ChoiceSet')).toBe(true);
  });

  it('answers an unknown or stale verb with a documented response, never a 500', async () => {
    const post = async (verb: string, data: Record<string, unknown>, trigger: 'automatic' | 'manual') => {
      const res = await fixture.service().post(executeActivity(user(), verb, data, trigger));
      expect(res.status).toBe(200);
      return (await res.json()) as InvokeBody;
    };
    const message = "I don't recognise that button";
    for (const [verb, data] of [
      ['no-such-verb', {}],
      ['quiz-refresh', { theme: 'retired-theme' }],
    ] as const) {
      // A refresh Teams sends on its own gets an error, so the card on screen stays as it is.
      const automatic = await post(verb, data, 'automatic');
      expect(automatic).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
      expect(automatic.value).toEqual({ code: 'BadRequest', message: expect.stringContaining(message) as string });
      // A button the user pressed gets a card that says so kindly.
      const manual = await post(verb, data, 'manual');
      expect(manual.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(texts(manual).join(' ')).toContain(message);
    }
    expect(fixture.connector.sent).toHaveLength(0);
  });
});
