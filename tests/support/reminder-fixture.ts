import Database from 'better-sqlite3';
import path from 'node:path';
import { executeActivity, installActivity, submitActivity, type UserSpec } from './activities';
import type { ChildService } from './child-service';
import type { ConnectorStandIn } from './connector-stand-in';

type Row = Record<string, unknown>;

function withDb<T>(dataDir: string, use: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'refleks.db'));
  db.pragma('busy_timeout = 5000');
  try {
    return use(db);
  } finally {
    db.close();
  }
}

export const reminderRows = (dataDir: string): Row[] =>
  withDb(dataDir, (db) => db.prepare('SELECT * FROM reminders ORDER BY theme_id').all() as Row[]);

/**
 * Reminders are due on a Friday days away, and claims last minutes. Rather
 * than give the service a clock it could be started with by mistake in
 * production, the tests let time pass the way it does in real life while a
 * service is down (or between two of its wake-ups): the moments stored in the
 * database move into the past. Everything after that (claiming, leases,
 * sending, restarts) is the service's own code on its own clock.
 */
export function letTimePass(dataDir: string, what: 'due' | 'leases'): number {
  const past = new Date(Date.now() - 60_000).toISOString();
  return withDb(dataDir, (db) =>
    what === 'due'
      ? db.prepare('UPDATE reminders SET due_at = ?, next_attempt_at = ?').run(past, past).changes
      : db.prepare('UPDATE reminders SET lease_until = ? WHERE lease_owner IS NOT NULL').run(past).changes,
  );
}

const cardText = (activity: Row) => JSON.stringify(activity.attachments ?? '');

/** The reminders that reached the stand-in: cards with the reminder's heading, in any language. */
export const sentReminders = (connector: ConnectorStandIn) =>
  connector.sent.filter((s) =>
    /Her er påminnelsen du ba om|Her er påminninga du bad om|Here's the reminder you asked for/.test(
      cardText(s.activity),
    ),
  );

/** The n-th card the stand-in received. */
export function sentCardAt(connector: ConnectorStandIn, index: number): Row {
  const attachments = connector.sent[index]?.activity.attachments as { content: Row }[] | undefined;
  const card = attachments?.[0]?.content;
  if (!card) throw new Error(`activity ${index} carries no card`);
  return card;
}

/**
 * Installs, presses «Minn meg på det» on a nudge and takes the suggested
 * Friday, as in Teams. Returns refleks' answer (the confirmation card) as text.
 */
export async function askForReminder(svc: ChildService, connector: ConnectorStandIn, who: UserSpec): Promise<string> {
  const before = connector.sent.length;
  await svc.post(installActivity(who));
  await connector.waitForSent(before + 1); // the welcome
  await svc.post(submitActivity(who, { action: 'remind', theme: 'two-factor' }));
  await connector.waitForSent(before + 2);
  const body = sentCardAt(connector, before + 1).body as {
    type: string;
    actions?: { data: Record<string, string> }[];
  }[];
  const friday = body.find((b) => b.type === 'ActionSet')?.actions?.at(0)?.data;
  const res = await svc.post(executeActivity(who, 'remind-set', friday ?? {}));
  return JSON.stringify(await res.json());
}
