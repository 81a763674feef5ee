import path from 'node:path';
import {
  executeActivity,
  installActivity,
  messageActivity,
  submitActivity,
  type UserSpec,
} from '../support/activities';
import { PROJECT_ROOT } from '../../src/project-paths';
import { lockDatabase as lockDataDir } from '../support/lock-database';
import { useLocalService } from '../support/use-local-service';

/**
 * When a turn fails (here: another process holds the database's write lock
 * past the 5 s busy timeout), the user is told so in their language, with
 * the municipality's IT contact, instead of hearing nothing.
 */
const fixture = useLocalService({
  DEFAULT_LANGUAGE: 'nn',
  LOCAL_RULES_FILE: path.join(PROJECT_ROOT, 'themes', 'local-rules.example.yaml'),
  // The background workers would wait out the lock too and hold up the turns under test.
  REPORT_WORKER_SECONDS: '300',
  REMINDER_INTERVAL_SECONDS: '300',
});
const connector = fixture.connector;
const busyTimeout = 15000;
let user: UserSpec;
beforeEach(() => {
  user = { aadObjectId: 'cccccccc-0000-4000-8000-000000000003', serviceUrl: connector.url, locale: 'en-US' };
});

const lockDatabase = () => lockDataDir(fixture.dataDir());

const sentText = (index: number) => String(connector.sent[index]?.activity.text);

describe('a turn that fails', () => {
  it(
    'tells the user who pressed Send on «Meld fra» that it may not have been saved, in their language',
    async () => {
      await fixture.service().post(installActivity(user));
      await connector.waitForSent(1);
      const description = 'Mistenkelig e-post fra sjefen';
      const send = () =>
        fixture
          .service()
          .post(submitActivity(user, { action: 'report-submit', category: 'suspicious-email', description }));
      const unlock = lockDatabase();
      try {
        expect((await send()).status).toBe(200);
        await connector.waitForSent(2);
        expect(sentText(1)).toContain('Sorry, something went wrong on our side');
        expect(sentText(1)).toContain('may not have been saved');
        expect(sentText(1)).toContain('try again in a moment');
        expect(sentText(1)).toContain('the Service Desk (phone 22 33 44 55)');
        expect(connector.sent[1]?.replyToId).toBeDefined();
        expect(fixture.service().logs.text).toContain('turn failed');
        expect(fixture.service().logs.text).not.toContain(description);
      } finally {
        unlock();
      }
      // As the message says, trying again a moment later works.
      await send();
      await connector.waitForSent(3);
      expect(JSON.stringify(connector.sent[2]?.activity.attachments)).toMatch(/MF-\d{4}-\d{6}/);
    },
    busyTimeout,
  );

  it(
    'answers a message in the default language when the Teams locale is not one of ours',
    async () => {
      const unlock = lockDatabase();
      try {
        const res = await fixture.service().post(messageActivity({ ...user, locale: 'de-DE' }, 'hjelp'));
        expect(res.status).toBe(200);
        await connector.waitForSent(1);
        expect(sentText(0)).toContain('Orsak, noko gjekk gale hos oss');
        expect(sentText(0)).toContain('Servicedesken (tlf. 22 33 44 55)');
      } finally {
        unlock();
      }
    },
    busyTimeout,
  );

  it(
    'keeps answering 500 to an invoke, with nothing sent to the chat',
    async () => {
      const unlock = lockDatabase();
      try {
        // A first turn from a new user writes the recipient row, which the lock holds up.
        const quizAnswer = executeActivity(user, 'quiz-answer', { theme: 'lock-devices', option: '1' });
        expect((await fixture.service().post(quizAnswer)).status).toBe(500);
        await new Promise((r) => setTimeout(r, 200));
        expect(connector.sent).toHaveLength(0);
      } finally {
        unlock();
      }
    },
    busyTimeout,
  );

  it('tells the user when the reply itself could not be sent, and stays quiet if that fails too', async () => {
    connector.failures.push({ status: 403, code: 'BotDisabled' });
    expect((await fixture.service().post(messageActivity(user, 'help'))).status).toBe(200);
    await connector.waitForSent(1);
    expect(sentText(0)).toContain('Sorry, something went wrong on our side');

    connector.failures.push({ status: 403, code: 'BotDisabled' }, { status: 403, code: 'BotDisabled' });
    expect((await fixture.service().post(messageActivity(user, 'help'))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.sent).toHaveLength(1);
    const warning = fixture.service().logs.lines.find((line) => line.includes('could not tell the user'));
    expect(warning && JSON.parse(warning)).toMatchObject({ level: 40, errorType: 'RestError' });
  });
});
