import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { statsToCsv, statsToJson } from '../../src/cli/format-stats';
import type { TenantStats } from '../../src/engagement/aggregate';
import { PROJECT_ROOT } from '../../src/project-paths';
import { installActivity, messageActivity, submitActivity, TENANT } from '../support/activities';
import { sendThemeAsAdmin } from '../support/send-theme';
import { useLocalService } from '../support/use-local-service';

const ADMIN = 'eeeeeeee-0000-4000-8000-00000000000b';
const fixture = useLocalService({ ADMIN_AAD_OBJECT_IDS: ADMIN, MIN_GROUP_SIZE: '4' });
const user = (n: number) => ({
  aadObjectId: `ffffffff-0000-4000-8000-00000000010${n}`,
  serviceUrl: fixture.connector.url,
  locale: 'nb-NO',
});
const admin = { aadObjectId: ADMIN, locale: 'nb-NO' };

describe('«statistikk» for admins', () => {
  it('refuses everyone else politely', async () => {
    await fixture.service().post(messageActivity(user(1), 'statistikk'));
    await fixture.connector.waitForSent(1);
    expect(String(fixture.connector.sent[0]?.activity.text)).toContain('for dem som har ansvar for kampanjen');
  });

  it('shows the funnel per theme with small figures suppressed as «færre enn k»', async () => {
    // Five commit and four others only answer the quiz: 9 interacted, and 4 did not commit.
    for (const n of [1, 2, 3, 4, 5])
      await fixture.service().post(submitActivity(user(n), { action: 'commit', theme: 'passwords' }));
    for (const n of [6, 7, 8, 9])
      await fixture.service().post(submitActivity(user(n), { action: 'quiz-answer', theme: 'passwords', option: '0' }));
    await fixture.connector.waitForSent(9);
    await fixture.service().post(messageActivity({ ...admin, serviceUrl: fixture.connector.url }, 'statistikk'));
    await fixture.connector.waitForSent(10);
    const texts = (fixture.sentCard(9).body as { type: string; text?: string; items?: { text: string }[] }[]).flatMap(
      (b) => (b.items ? b.items.map((i) => i.text) : [b.text ?? '']),
    );
    expect(texts).toContain('Sterke passord');
    expect(texts).toContain('nådd færre enn 4 · med 9 · quiz 4 (skjult riktig) · «Jeg gjør det» 5');
    expect(texts.join('\n')).not.toMatch(/ffffffff|[0-9a-f]{64}/);
  });
});

describe('meeting kits and pauses per theme, from chat to «statistikk» and npm run stats', () => {
  const withConnector = (who: { aadObjectId: string; locale: string }) => ({
    ...who,
    serviceUrl: fixture.connector.url,
  });
  const statisticsTexts = async () => {
    const before = fixture.connector.sent.length;
    await fixture.service().post(messageActivity(withConnector(admin), 'statistikk'));
    await fixture.connector.waitForSent(before + 1);
    const card = fixture.sentCard(before) as { body: { text?: string; items?: { text: string }[] }[] };
    return card.body.flatMap((b) => (b.items ? b.items.map((i) => i.text) : [b.text ?? '']));
  };
  /** The real CLI on the service's own database, as an operator runs it (both may run at once). */
  const statsCsv = async () => {
    const cli = path.join(PROJECT_ROOT, 'src', 'cli', 'stats.ts');
    const env = { ...process.env, DATA_DIR: fixture.dataDir(), MIN_GROUP_SIZE: '4', LOG_LEVEL: 'silent' };
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, '--format', 'csv'], {
      cwd: PROJECT_ROOT,
      env,
    });
    return stdout.split('\n').filter((line) => line.startsWith(TENANT));
  };

  it('counts pauses under the theme people last received and leaders who opened the kit, k-suppressed', async () => {
    // Nine reached (eight employees and the admin); four pause and open the kit, four others commit.
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) await fixture.service().post(installActivity(user(n)));
    await sendThemeAsAdmin(fixture, withConnector(admin), 'passwords', 9);
    for (const n of [1, 2, 3, 4]) {
      await fixture.service().post(messageActivity(user(n), 'pause'));
      await fixture.service().post(submitActivity(user(n), { action: 'meeting-kit', theme: 'passwords' }));
    }
    for (const n of [5, 6, 7, 8])
      await fixture.service().post(submitActivity(user(n), { action: 'commit', theme: 'passwords' }));
    let texts = await statisticsTexts();
    // A pause is not taking part: 8 took part of 9 reached, hidden because only 1 did not.
    expect(texts).toContain('nådd 9 · med færre enn 4 · quiz færre enn 4 (skjult riktig) · «Jeg gjør det» 4');
    expect(texts).toContain('møteopplegg hentet 4 · tok pause etter dette temaet 4');
    expect(texts).toContain('Har tatt pause fra tipsene: 4');
    expect(await statsCsv()).toEqual([
      `${TENANT},passwords,9,<4,<4,<4,4,<4,<4,<4,<4,<4,<4,<4,<4,<4,4,4,,,,,,,,`,
      `${TENANT},,,,,,,,,,,,,,,,,4,,,,,,,,`,
    ]);

    // Someone who pauses before any theme reached them: one person, so «passwords» must hide too,
    // or 5 − 4 would tell that exactly one person paused without a theme.
    await fixture.service().post(messageActivity(user(9), 'pause'));
    texts = await statisticsTexts();
    expect(texts).toContain('møteopplegg hentet 4 · tok pause etter dette temaet færre enn 4');
    expect(texts).toContain('Har tatt pause fra tipsene: 5');
    expect(await statsCsv()).toEqual([
      `${TENANT},passwords,9,<4,<4,<4,4,<4,<4,<4,<4,<4,<4,<4,<4,<4,4,<4,,,,,,,,`,
      `${TENANT},,,,,,,,,,,,,,,,,5,,,,,,,,`,
    ]);
  }, 30_000);
});

describe('npm run stats formats', () => {
  const S = 'suppressed' as const;
  const stats: TenantStats[] = [
    {
      tenantId: 't1',
      paused: 9,
      reportsPerMonth: [{ month: '2027-01', people: 6 }],
      reportDelay: { people: 'suppressed', median: 'suppressed' },
      themes: [
        {
          themeId: 'passwords',
          reached: 40,
          interacted: 12,
          quizAnswered: 10,
          quizCorrectShare: 0.5,
          committed: 'suppressed',
          reminders: 9,
          checkAnswered: 12,
          checks: { always: 6, usually: 6, rarely: 'suppressed', unknown: 'suppressed' },
          meetingKits: 7,
          paused: 'suppressed',
          questionsAsked: 9,
          questionsUnansweredShare: 'suppressed',
          answersHelpfulShare: 0.8,
        },
      ],
      pulse: [
        {
          questionId: 'lock-screen',
          before: { answered: 20, answers: { always: 9, usually: 6, rarely: 5, never: S, unknown: S } },
          after: { answered: S, answers: { always: S, usually: S, rarely: S, never: S, unknown: S } },
        },
      ],
    },
  ];

  it('writes CSV with suppressed cells as <k, pauses per theme, a tenant row for the total and a row per pulse question and phase', () => {
    expect(statsToCsv(stats, 5).split('\n')).toEqual([
      'tenant_id,theme_id,reached,interacted,quiz_answered,quiz_correct_share,committed,reminders,check_answered,check_always,check_usually,check_rarely,check_unknown,questions_asked,questions_unanswered_share,answers_helpful_share,meeting_kit,paused,' +
        'pulse_question,pulse_phase,pulse_answered,pulse_always,pulse_usually,pulse_rarely,pulse_never,pulse_unknown',
      't1,passwords,40,12,10,0.5,<5,9,12,6,6,<5,<5,9,<5,0.8,7,<5,,,,,,,,',
      't1,,,,,,,,,,,,,,,,,9,,,,,,,,',
      't1,,,,,,,,,,,,,,,,,,lock-screen,before,20,9,6,5,<5,<5',
      't1,,,,,,,,,,,,,,,,,,lock-screen,after,<5,<5,<5,<5,<5,<5',
      '',
    ]);
  });

  it('writes JSON with the k that applied', () => {
    expect(JSON.parse(statsToJson(stats, 5))).toEqual({ minGroupSize: 5, tenants: stats });
  });
});
