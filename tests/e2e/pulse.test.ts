import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/project-paths';
import { TENANT, executeActivity, installActivity, messageActivity, submitActivity } from '../support/activities';
import { useLocalService } from '../support/use-local-service';

const ADMIN = 'eeeeeeee-0000-4000-8000-00000000000c';
const K = 3;
const fixture = useLocalService({ ADMIN_AAD_OBJECT_IDS: ADMIN, MIN_GROUP_SIZE: String(K) });
const user = (aadObjectId: string) => ({ aadObjectId, serviceUrl: fixture.connector.url, locale: 'nb-NO' });
const admin = () => user(ADMIN);
const SEVEN = [1, 2, 3, 4, 5, 6, 7];
const employee = (n: number) => user(`ffffffff-0000-4000-8000-00000000030${n}`);
const employees = () => SEVEN.map(employee);

type Card = {
  body: Record<string, unknown>[];
  actions: { type: string; verb?: string; data: Record<string, unknown> }[];
};
const post = (activity: unknown) => fixture.service().post(activity);
const lastCard = () => fixture.sentCard(fixture.connector.sent.length - 1) as Card;
const textsOf = (card: Card): string[] =>
  card.body.flatMap((b) => [
    ...(typeof b.text === 'string' ? [b.text] : []),
    ...(Array.isArray(b.items) ? textsOf({ body: b.items as Record<string, unknown>[], actions: [] }) : []),
  ]);
const factsOf = (card: Card) =>
  Object.fromEntries(
    ((card.body.find((b) => b.facts)?.facts ?? []) as { title: string; value: string }[]).map((f) => [
      f.title,
      f.value,
    ]),
  );

/** The pulse the engine sent to one person: proactive (not a reply), so it has no replyToId. */
function pulseSentTo(who: { aadObjectId: string }): Card[] {
  return fixture.connector.sent
    .filter((s) => s.replyToId === undefined && s.conversationId === `a:personal-${who.aadObjectId}`)
    .map((s) => (s.activity.attachments as { content: Card }[])[0]!.content)
    .filter((card) => card.actions[0]?.verb === 'pulse-answer');
}

/** Presses «Send svarene» on a pulse card with Action.Execute, as Teams does: inputs merged into the data. */
async function answer(who: { aadObjectId: string }, card: Card, choices: Record<string, string>) {
  const action = card.actions[0]!;
  const res = await post(executeActivity(user(who.aadObjectId), action.verb!, { ...action.data, ...choices }));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { type: string; value: Card };
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return body.value;
}

/** An admin sends the pulse of a phase: the command, the confirmation card, then the engine. */
async function sendPulse(phase: 'før' | 'etter', expectQueued: number) {
  const before = fixture.connector.sent.length;
  await post(messageActivity(admin(), `send puls ${phase}`));
  await fixture.connector.waitForSent(before + 1);
  const confirm = lastCard();
  expect(textsOf(confirm)[0]).toBe(`Sende «refleks-puls ${phase} kampanjen» nå?`);
  await post(submitActivity(admin(), confirm.actions[0]!.data));
  await fixture.connector.waitForSent(before + 2 + expectQueued);
  const started = fixture.connector.sent.slice(before).map((s) => String(s.activity.text ?? ''));
  expect(started).toContain(
    `Utsendingen har startet: ${expectQueued} mottakere står i kø. Skriv «status» for å følge med.`,
  );
}

describe('the pulse survey through the real server', () => {
  it('is delivered by the engine, answered before and after, and counted only in suppressed aggregates', async () => {
    for (const who of employees()) await post(installActivity(who));
    await fixture.connector.waitForSent(SEVEN.length);

    // Before: the admin (a recipient too, having written to the bot) and the seven employees.
    await sendPulse('før', 8);
    const before = (n: number) => pulseSentTo(employee(n))[0]!;
    for (const who of employees()) expect(pulseSentTo(who)).toHaveLength(1);
    expect(textsOf(before(1))[0]).toBe('refleks-puls · før kampanjen');

    for (const n of [1, 2, 3]) {
      const thanks = await answer(employee(n), before(n), { 'lock-screen': 'always', 'two-factor': 'always' });
      expect(textsOf(thanks)).toContain(
        'Svarene dine telles bare sammen med alle andres. Ingen ser hva akkurat du svarte.',
      );
    }
    // Employee 4 answers, then changes their mind with «Endre svarene»: the latest answer wins.
    const first = await answer(employee(4), before(4), { 'lock-screen': 'rarely' });
    expect(factsOf(first)).toEqual({ 'Låser skjermen': 'Sjelden' });
    const change = first.actions[0]!;
    expect(change.verb).toBe('pulse-open');
    const reopened = await answer(employee(4), first, {});
    expect(reopened.body.find((b) => b.id === 'lock-screen')?.value).toBe('rarely');
    await answer(employee(4), reopened, { 'lock-screen': 'usually' });
    // Employee 5's Teams has no Action.Execute: the Submit fallback brings the thank-you as a new message.
    const sentBefore = fixture.connector.sent.length;
    await post(submitActivity(employee(5), { action: 'pulse-answer', phase: 'before', 'lock-screen': 'usually' }));
    await fixture.connector.waitForSent(sentBefore + 1);
    expect(textsOf(lastCard())).toContain('Takk for svarene!');
    await answer(employee(6), before(6), { 'lock-screen': 'usually', 'two-factor': 'no-such-option' });
    // Employee 7 sends without choosing: the card comes back with a kind note, nothing is counted.
    const empty = await answer(employee(7), before(7), {});
    expect(textsOf(empty)).toContain(
      'Du har ikke valgt noe svar ennå. Velg det som passer, og trykk «Send svarene» igjen. Det er helt greit å hoppe over noen.',
    );
    expect(empty.body.filter((b) => b.type === 'Input.ChoiceSet')).toHaveLength(5);

    // After: the same questions; the engine sends the after pulse, once.
    await sendPulse('etter', 8);
    const after = (n: number) => pulseSentTo(employee(n))[1]!;
    expect(textsOf(after(1))[0]).toBe('refleks-puls · etter kampanjen');
    for (const n of [1, 2, 3, 4]) await answer(employee(n), after(n), { 'lock-screen': 'always' });
    for (const n of [5, 6, 7]) await answer(employee(n), after(n), { 'lock-screen': 'usually' });
    await sendPulse('før', 0);

    // «mine data» shows a person their own pulse answers.
    const sentNow = fixture.connector.sent.length;
    await post(messageActivity(employee(4), 'mine data'));
    await fixture.connector.waitForSent(sentNow + 1);
    expect(factsOf(lastCard())['refleks-puls']).toBe('Før – Låser skjermen: Som regel; Etter – Låser skjermen: Alltid');

    // The admin's statistics, with k = 3.
    await post(messageActivity(admin(), 'statistikk'));
    await fixture.connector.waitForSent(sentNow + 2);
    const stats = textsOf(lastCard());
    const line = (label: string) => stats.slice(stats.indexOf(label), stats.indexOf(label) + 3);
    const under = `færre enn ${K}`;
    expect(stats).toContain('refleks-puls: før og etter kampanjen');
    // Before: 3 always, 3 usually and nothing else; the zeros are hidden, so one of the threes goes too.
    expect(line('Låser skjermen')).toEqual([
      'Låser skjermen',
      `Før: 6 har svart · Alltid ${under} · Som regel 3 · Sjelden ${under} · Aldri ${under} · Vet ikke ${under}`,
      `Etter: 7 har svart · Alltid 4 · Som regel ${under} · Sjelden ${under} · Aldri ${under} · Vet ikke ${under}`,
    ]);
    // Everyone who answered said «always»: showing it would tell each of them what they answered.
    expect(line('Bruker to-faktor')[1]).toBe(
      `Før: 3 har svart · Alltid ${under} · Som regel ${under} · Sjelden ${under} · Aldri ${under} · Vet ikke ${under}`,
    );

    // npm run stats on the same database, while the service runs.
    const env = { ...process.env, DATA_DIR: fixture.dataDir(), MIN_GROUP_SIZE: String(K), LOG_LEVEL: 'warn' };
    const run = (format: string) =>
      promisify(execFile)('node', ['--import', 'tsx', 'src/cli/stats.ts', '--format', format], {
        cwd: PROJECT_ROOT,
        env,
      });
    const json = JSON.parse((await run('json')).stdout) as {
      tenants: { tenantId: string; pulse: { questionId: string }[] }[];
    };
    const S = 'suppressed';
    expect(json.tenants.find((t) => t.tenantId === TENANT)?.pulse[0]).toEqual({
      questionId: 'lock-screen',
      before: { answered: 6, answers: { always: S, usually: 3, rarely: S, never: S, unknown: S } },
      after: { answered: 7, answers: { always: 4, usually: S, rarely: S, never: S, unknown: S } },
    });
    const csv = (await run('csv')).stdout.split('\n');
    // The pulse columns come after the theme columns, which a pulse row leaves empty.
    const themeColumns = (csv[0] ?? '').split(',').indexOf('pulse_question') - 1;
    expect(csv).toContain(`${TENANT}${','.repeat(themeColumns)},lock-screen,before,6,<3,3,<3,<3,<3`);

    // Answers are events under a pseudonym: the logs carry no answer.
    expect(fixture.service().logs.text).not.toMatch(/usually|rarely|lock-screen/);
  }, 60_000);
});
