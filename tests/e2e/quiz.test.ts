import { executeActivity, submitActivity } from '../support/activities';
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
    await fixture.service().post(submitActivity(user(), { action: 'quiz-answer', theme: 'lock-devices', option: '0' }));
    await fixture.connector.waitForSent(1);
    const texts = (fixture.sentCard(0).body as { text: string }[]).map((b) => b.text);
    expect(texts).toContain("Good try! Here's the answer");
    expect(texts.some((text) => text.startsWith('Right answer: '))).toBe(true);
  });

  it('shows the question again when no option was chosen', async () => {
    const res = await fixture.service().post(executeActivity(user(), 'quiz-answer', { theme: 'lock-devices' }));
    const body = (await res.json()) as { value: { body: { type: string }[] } };
    expect(body.value.body.some((b) => b.type === 'Input.ChoiceSet')).toBe(true);
  });

  it('treats an unknown theme as an unknown button', async () => {
    await fixture.service().post(submitActivity(user(), { action: 'quiz-open', theme: 'no-such-theme' }));
    await fixture.connector.waitForSent(1);
    expect(String(fixture.connector.sent[0]?.activity.text)).toContain("don't recognise that button");
  });
});
