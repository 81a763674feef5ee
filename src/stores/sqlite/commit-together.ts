import type { SqliteDatabase } from './open-sqlite';

interface Waiting<T> {
  item: T;
  resolve(): void;
  reject(error: unknown): void;
}

/** Each database's batches not written yet, so whatever must see every row can write them first. */
const pendingBatches = new WeakMap<SqliteDatabase, Set<() => void>>();

/**
 * Writes what is waiting to be committed together, at once. Call before
 * anything that must see or remove every row written so far: erasing a
 * person's data, listing their events, purging, closing the database.
 */
export function flushPending(db: SqliteDatabase): void {
  for (const flush of pendingBatches.get(db) ?? []) flush();
}

/** An error of one row (a constraint, a value SQLite cannot bind), not of the database (busy, closed, full). */
const failsAlone = (error: unknown) =>
  error instanceof TypeError ||
  error instanceof RangeError ||
  String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT');

/**
 * Group commit: rows written in the same turn of the event loop go into one
 * transaction, written once the turn's other callbacks have run. Every
 * question is an event, and under load several people's questions arrive
 * together; most of an insert's cost is the commit (writing the changed pages
 * to the WAL), so one commit for all of them costs about half as much per row.
 *
 * A caller's promise settles only after its row is committed, so a reply that
 * waits for it still follows the commit: a crash of the process loses nothing.
 * When one row cannot be stored, the others are written on their own and only
 * that row fails. When the database refuses the write (busy past the busy
 * timeout, closed, full), the whole batch fails at once.
 */
export function commitTogether<T>(db: SqliteDatabase, write: (item: T) => void): (item: T) => Promise<void> {
  let waiting: Waiting<T>[] = [];
  const writeAll = db.transaction((batch: readonly Waiting<T>[]) => batch.forEach((entry) => write(entry.item)));
  const flushes = pendingBatches.get(db) ?? new Set();
  pendingBatches.set(db, flushes);

  const settle = (entry: Waiting<T>, writeIt: () => void) => {
    try {
      writeIt();
      entry.resolve();
    } catch (error) {
      entry.reject(error);
    }
  };

  function commit(): void {
    const batch = waiting;
    waiting = [];
    if (batch.length === 0) return; // flushed early
    try {
      writeAll(batch);
    } catch (error) {
      if (!failsAlone(error)) for (const entry of batch) entry.reject(error);
      else for (const entry of batch) settle(entry, () => write(entry.item));
      return;
    }
    for (const entry of batch) entry.resolve();
  }
  flushes.add(commit);

  return (item) =>
    new Promise<void>((resolve, reject) => {
      if (waiting.length === 0) setImmediate(commit);
      waiting.push({ item, resolve, reject });
    });
}
