import Database from 'better-sqlite3';
import path from 'node:path';
import { executeActivity, installActivity, submitActivity, type UserSpec } from '../support/activities';
import { lockDatabase } from '../support/lock-database';
import { useLocalService } from '../support/use-local-service';

/**
 * When an answer cannot be stored (here: another connection holds the
 * database's write lock past the busy timeout), the user must not be thanked
 * for it or told it is «already noted»: they hear that something went wrong
 * and to try again. Only counting (👍/👎) may fail quietly.
 */
const fixture = useLocalService({
  // The background workers would wait out the lock too and hold up the turns under test.
  REPORT_WORKER_SECONDS: '300',
  REMINDER_INTERVAL_SECONDS: '300',
});
const connector = fixture.connector;
const lockedTurns = 30_000;
const failed = 'Beklager, noe gikk galt hos oss, ikke hos deg. Det du sendte, er kanskje ikke lagret.';

let user: UserSpec;
let n = 0;
beforeEach(async () => {
  n += 1;
  user = { aadObjectId: `cccccccc-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`, serviceUrl: connector.url };
  // A known recipient, seen just now: the locked turns below need no recipient write, only the answer's.
  await fixture.service().post(installActivity(user));
  await connector.waitForSent(1);
});

const textAt = (index: number) => String(connector.sent[index]?.activity.text);

function storedEvents(): { type: string }[] {
  const db = new Database(path.join(fixture.dataDir(), 'refleks.db'), { readonly: true });
  try {
    return db.prepare('SELECT type FROM events').all() as { type: string }[];
  } finally {
    db.close();
  }
}

async function whileLocked(act: () => Promise<void>): Promise<void> {
  const unlock = lockDatabase(fixture.dataDir());
  try {
    await act();
  } finally {
    unlock();
  }
}

describe('an answer that could not be stored', () => {
  it(
    '«Jeg gjør det»: says something went wrong, never «already noted», and notes it when tried again',
    async () => {
      const commit = () => fixture.service().post(submitActivity(user, { action: 'commit', theme: 'passwords' }));
      await whileLocked(async () => {
        await commit();
        await connector.waitForSent(2);
      });
      expect(textAt(1)).toContain(failed);
      expect(textAt(1)).not.toContain('allerede');
      await commit();
      await connector.waitForSent(3);
      expect(textAt(2)).toMatch(/^Så bra! Det er notert/);
      expect(storedEvents()).toEqual([{ type: 'committed' }]);
    },
    lockedTurns,
  );

  it(
    'refleks-sjekk and the pulse sent with Action.Submit: no thank-you, the user hears it may not be saved',
    async () => {
      await whileLocked(async () => {
        await fixture
          .service()
          .post(submitActivity(user, { action: 'check-answer', theme: 'passwords', answer: 'rarely' }));
        await connector.waitForSent(2);
        await fixture
          .service()
          .post(submitActivity(user, { action: 'pulse-answer', phase: 'before', 'lock-screen': 'always' }));
        await connector.waitForSent(3);
      });
      expect([textAt(1), textAt(2)]).toEqual([expect.stringContaining(failed), expect.stringContaining(failed)]);
      expect(storedEvents()).toEqual([]);
    },
    lockedTurns,
  );

  it(
    'the quiz and the pulse answered with Action.Execute: HTTP 500, so Teams keeps the card and shows its error',
    async () => {
      await whileLocked(async () => {
        const quiz = await fixture
          .service()
          .post(executeActivity(user, 'quiz-answer', { theme: 'lock-devices', option: '1' }));
        expect(quiz.status).toBe(500);
        const pulse = await fixture
          .service()
          .post(executeActivity(user, 'pulse-answer', { phase: 'before', 'lock-screen': 'always' }));
        expect(pulse.status).toBe(500);
      });
      expect(connector.sent).toHaveLength(1);
      expect(storedEvents()).toEqual([]);
    },
    lockedTurns,
  );

  it(
    '👍/👎 is only counted: the thank-you still comes when the count cannot be stored',
    async () => {
      await whileLocked(async () => {
        await fixture.service().post(submitActivity(user, { action: 'feedback', theme: 'passwords', helpful: true }));
        await connector.waitForSent(2);
      });
      expect(textAt(1)).not.toContain(failed);
      expect(fixture.service().logs.text).toContain('event not recorded');
    },
    lockedTurns,
  );
});
