import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-paths';
import type { Reminder } from '../../src/stores/reminder-store';
import type { Stores } from '../../src/stores/sqlite/create-sqlite-stores';
import { waitFor } from '../support/child-service';
import { useTwoConnections } from '../support/two-connections';

const T0 = new Date('2026-06-12T08:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const LEASE = 60_000;

const reminder = (n: number, overrides: Partial<Reminder> = {}): Reminder => ({
  tenantId: 'tenant',
  aadObjectId: `user-${n}`,
  themeId: 'passwords',
  dueAt: T0,
  address: {
    serviceUrl: 'https://smba.example/',
    channelId: 'msteams',
    conversationId: `a:${n}`,
    botId: '28:bot',
    userId: `29:${n}`,
  },
  language: 'nn',
  createdAt: later(-86_400_000),
  ...overrides,
});

let dataDir: string;
let a: Stores;
let b: Stores;
useTwoConnections((opened) => ({ dataDir, a, b } = opened));

/** Another process on the same file, as a second instance of refleks would be; claims once told to go. */
async function otherProcess(owner: string, now: Date) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/support/claim-reminders.ts', dataDir, owner, now.toISOString()],
    { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`claimer exited with ${code}`)))),
  );
  await waitFor(() => out.startsWith('ready\n'), 'the claimer to open the store');
  return {
    go: () => child.stdin.write('go\n'),
    claimed: async () => {
      await exited;
      return JSON.parse(out.slice('ready\n'.length)) as string[];
    },
  };
}

const rows = () => {
  const db = new Database(path.join(dataDir, 'refleks.db'), { readonly: true });
  try {
    return db.prepare('SELECT * FROM reminders ORDER BY aad_object_id').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
};

describe('the SQLite reminder store', () => {
  it('keeps one reminder per person and theme: a second one replaces the first', async () => {
    expect(await a.reminders.set(reminder(1))).toEqual({ replaced: false });
    expect(await a.reminders.set(reminder(1, { themeId: 'two-factor' }))).toEqual({ replaced: false });
    expect(await b.reminders.set(reminder(1, { dueAt: later(7 * 86_400_000), createdAt: T0 }))).toEqual({
      replaced: true,
    });
    const mine = await a.reminders.listFor('tenant', 'user-1');
    expect(mine.map((r) => [r.themeId, r.dueAt.toISOString()])).toEqual([
      ['two-factor', T0.toISOString()],
      ['passwords', later(7 * 86_400_000).toISOString()],
    ]);
    expect(mine[0]).toEqual(reminder(1, { themeId: 'two-factor' }));
    expect(await a.reminders.listFor('tenant', 'user-2')).toEqual([]);
  });

  it('claims a due reminder once; nothing before it is due', async () => {
    await a.reminders.set(reminder(1));
    expect(await a.reminders.claimDue(later(-1), LEASE, 'a', 10)).toEqual([]);
    const [claim] = await a.reminders.claimDue(T0, LEASE, 'a', 10);
    expect(claim).toMatchObject({ ...reminder(1), owner: 'a', attempts: 0 });
    expect(await a.reminders.claimDue(T0, LEASE, 'a', 10)).toEqual([]);
    expect(await b.reminders.claimDue(later(LEASE - 1), LEASE, 'b', 10)).toEqual([]);
    expect(await a.reminders.finish(claim!)).toBe(true);
    expect(rows()).toEqual([]);
  });

  it('splits due reminders between two claimers on two connections without overlap', async () => {
    for (let n = 0; n < 30; n += 1) await a.reminders.set(reminder(n, { dueAt: later(-n * 1000) }));
    const batches = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? b : a).reminders.claimDue(T0, LEASE, `claimer-${i}`, 7)),
    );
    const claimed = batches.flat().map((c) => c.aadObjectId);
    expect(claimed).toHaveLength(30);
    expect(new Set(claimed).size).toBe(30);
    // The longest overdue go first.
    expect(batches[0]?.map((c) => c.aadObjectId)).toContain('user-29');
  });

  it('never gives one reminder to two processes racing for the same file', async () => {
    for (let n = 0; n < 1000; n += 1) await a.reminders.set(reminder(n));
    const processes = await Promise.all([otherProcess('p1', T0), otherProcess('p2', T0)]);
    for (const p of processes) p.go();
    const [first, second] = await Promise.all(processes.map((p) => p.claimed()));
    const all = [...first!, ...second!];
    expect(all).toHaveLength(1000);
    expect(new Set(all).size).toBe(1000);
    // Both got some: they really raced.
    expect(Math.min(first!.length, second!.length)).toBeGreaterThan(0);
  }, 60_000);

  it('gives a crashed claimer’s reminder to another once the lease has run out; the first can no longer finish it', async () => {
    await a.reminders.set(reminder(1));
    const [crashed] = await a.reminders.claimDue(T0, LEASE, 'a', 10);
    const [taken] = await b.reminders.claimDue(later(LEASE), LEASE, 'b', 10);
    expect(taken).toMatchObject({ owner: 'b', aadObjectId: 'user-1' });
    expect(await a.reminders.finish(crashed!)).toBe(false);
    expect(rows()).toHaveLength(1);
    expect(await b.reminders.finish(taken!)).toBe(true);
    expect(rows()).toHaveLength(0);
  });

  it('retries later, counting attempts only when asked, and releases untried claims at once', async () => {
    await a.reminders.set(reminder(1));
    const [first] = await a.reminders.claimDue(T0, LEASE, 'a', 10);
    expect(first?.retryingSince).toBeUndefined();
    await a.reminders.retry(first!, later(30_000), true, T0);
    expect(await b.reminders.claimDue(later(29_999), LEASE, 'b', 10)).toEqual([]);
    const [second] = await b.reminders.claimDue(later(30_000), LEASE, 'b', 10);
    expect(second).toMatchObject({ attempts: 1, retryingSince: T0 });
    await b.reminders.retry(second!, later(31_000), false, later(30_000)); // a 429 is not the reminder's fault
    const [third] = await a.reminders.claimDue(later(31_000), LEASE, 'a', 10);
    // The give-up time counts from the first failure, whichever connection or process saw the later ones.
    expect(third).toMatchObject({ attempts: 1, retryingSince: T0 });
    await a.reminders.release(third!);
    const [fourth] = await b.reminders.claimDue(later(31_000), LEASE, 'b', 10);
    expect(fourth?.owner).toBe('b');
  });

  it('gives a reminder set again a fresh start: the old one’s failures do not shorten its retries', async () => {
    await a.reminders.set(reminder(1));
    const [failing] = await a.reminders.claimDue(T0, LEASE, 'a', 10);
    await a.reminders.retry(failing!, later(60_000), true, T0);
    await b.reminders.set(reminder(1, { dueAt: later(86_400_000), createdAt: later(1000) }));
    const [fresh] = await a.reminders.claimDue(later(86_400_000), LEASE, 'a', 10);
    expect(fresh).toMatchObject({ attempts: 0, retryingSince: undefined, dueAt: later(86_400_000) });
  });

  it('lets a new reminder set during a send survive that send', async () => {
    await a.reminders.set(reminder(1));
    const [inFlight] = await a.reminders.claimDue(T0, LEASE, 'a', 10);
    await b.reminders.set(reminder(1, { dueAt: later(86_400_000), createdAt: later(1000) }));
    expect(await a.reminders.finish(inFlight!)).toBe(false);
    expect((await a.reminders.listFor('tenant', 'user-1')).map((r) => r.dueAt)).toEqual([later(86_400_000)]);
    // The lease went with the old one: the new reminder is claimed when it is due, by anyone.
    expect(await b.reminders.claimDue(later(86_400_000), LEASE, 'b', 10)).toHaveLength(1);
  });

  it('is erased with «slett mine data», address and all, and nobody else’s', async () => {
    await a.reminders.set(reminder(1));
    await a.reminders.set(reminder(1, { themeId: 'two-factor' }));
    await a.reminders.set(reminder(2));
    await a.personalData.erase('tenant', 'user-1', 'pseudonym-1');
    expect(rows().map((r) => r.aad_object_id)).toEqual(['user-2']);
    expect(JSON.stringify(rows())).not.toContain('a:1');
  });
});
