/**
 * npm run bench:turn
 * Posts the development-set questions as Teams message activities to the real
 * refleks server as `npm start` runs it (the build in dist/, which the npm
 * script makes first; local mode, its own SQLite folder) and to a bare
 * botbuilder echo bot set up the same way (echo-bot.ts), each in its own
 * process, with replies going to a loopback Bot Connector stand-in. Rounds
 * alternate between the two so both see the same machine load. Prints JSON.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import net from 'node:net';
import { PROJECT_ROOT } from '../../src/project-paths';
import { messageActivity } from '../../tests/support/activities';
import { ConnectorSink } from './connector-sink';
import { createPoster } from './post-activity';
import { DEV_SET, readQuestionSet } from '../qa/evaluate-questions';

const CONCURRENCY = 8;
/**
 * Each server is loaded until it runs at its steady speed before anything is
 * counted: under this load both reach it after about 3–4 s (their just-in-time
 * compilers are still at work before that; per-second counts from start-up
 * were refleks 609, 1048, 1646, 1823, 1980, 1985, … and the echo bot 809,
 * 1389, 2207, 2422, 2472, 2413, …). Then short rounds alternate, first one
 * server then the other, so that both see the same drift in machine speed.
 */
const WARM_UP_MS = 4000;
const ROUNDS = 6;
const ROUND_MS = 2000;
const STARTUP_TIMEOUT_MS = 30000;
const TARGETS = { p99Ms: 50, throughputRatio: 0.8 };

interface Server {
  name: 'refleks' | 'echo';
  post: (body: string) => Promise<number>;
  process: ChildProcess;
}

/** A port nobody listens on right now, for a child process to take. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
    socket.on('error', () => resolve(false));
  });

/**
 * Starts a TypeScript entry point in its own Node process on a free port and
 * waits until it accepts connections. Its output goes nowhere: the load
 * generator must not pay for reading refleks' logs.
 */
async function startServer(name: Server['name'], entry: string, env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort();
  // BENCH_PROFILE_DIR=<dir> writes a V8 CPU profile of each server, to see where a turn's time goes.
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(process.env.BENCH_PROFILE_DIR, name)}`]
    : [];
  // The echo bot's few lines run through tsx; its work is all in botbuilder's compiled JavaScript.
  const loader = entry.endsWith('.js') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...profile, ...loader, path.join(PROJECT_ROOT, entry)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const started = performance.now();
  while (!(await accepts(port))) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before listening`);
    if (performance.now() - started > STARTUP_TIMEOUT_MS) throw new Error(`${name} did not start listening`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { name, post: createPoster(`http://127.0.0.1:${port}/api/messages`, CONCURRENCY), process: child };
}

/** SIGTERM, then wait for the exit so a CPU profile is complete before the bench returns. */
async function stopServer(server: Server): Promise<void> {
  if (server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill();
  await exited;
}

interface Sample {
  requests: number;
  /** Messages the bot sent to the connector: a card, sometimes two (urgent steps and the answer). */
  replies: number;
  latencies: number[];
  elapsedMs: number;
}

/** CONCURRENCY users, each posting one question after the other for `durationMs`. */
async function load(
  server: Server,
  connector: ConnectorSink,
  questions: string[],
  durationMs: number,
): Promise<Sample> {
  const connectorUrl = connector.url;
  const repliesBefore = connector.replies;
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const user = async (id: number) => {
    const spec = { aadObjectId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`, serviceUrl: connectorUrl };
    while (performance.now() - started < durationMs) {
      const body = JSON.stringify(messageActivity(spec, questions[next++ % questions.length] ?? ''));
      const t0 = performance.now();
      const status = await server.post(body);
      if (status !== 200) throw new Error(`${server.name} answered ${status}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => user(i)));
  const elapsedMs = performance.now() - started;
  return { requests: latencies.length, replies: connector.replies - repliesBefore, latencies, elapsedMs };
}

function summary(samples: Sample[]) {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0) * 100) / 100;
  const requests = samples.reduce((sum, s) => sum + s.requests, 0);
  const replies = samples.reduce((sum, s) => sum + s.replies, 0);
  const seconds = samples.reduce((sum, s) => sum + s.elapsedMs, 0) / 1000;
  return {
    requests,
    repliesPerTurn: Math.round((replies / requests) * 100) / 100,
    throughputPerSecond: Math.round(requests / seconds),
    latencyMs: { p50: at(0.5), p99: at(0.99) },
  };
}

async function main(): Promise<void> {
  const questions = readQuestionSet(DEV_SET).map((q) => q.question);
  const connector = new ConnectorSink();
  await connector.start();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'refleks-bench-'));
  const servers = await Promise.all([
    startServer('refleks', 'dist/src/index.js', {
      DATA_DIR: dataDir,
      ALLOWED_TENANT_IDS: '',
      MicrosoftAppId: '',
      NODE_ENV: 'development',
    }),
    startServer('echo', 'scripts/bench/echo-bot.ts', {}),
  ]);
  try {
    for (const server of servers) await load(server, connector, questions, WARM_UP_MS);
    const samples = new Map<Server['name'], Sample[]>([
      ['refleks', []],
      ['echo', []],
    ]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const server of round % 2 === 0 ? servers : [...servers].reverse()) {
        samples.get(server.name)?.push(await load(server, connector, questions, ROUND_MS));
      }
    }
    const refleks = summary(samples.get('refleks') ?? []);
    const echo = summary(samples.get('echo') ?? []);
    const throughputRatio = Math.round((refleks.throughputPerSecond / echo.throughputPerSecond) * 100) / 100;
    const meetsTargets = refleks.latencyMs.p99 < TARGETS.p99Ms && throughputRatio >= TARGETS.throughputRatio;
    const setup = {
      concurrency: CONCURRENCY,
      warmUpSeconds: WARM_UP_MS / 1000,
      rounds: ROUNDS,
      secondsPerRound: ROUND_MS / 1000,
      questions: questions.length,
    };
    console.log(JSON.stringify({ setup, refleks, echo, throughputRatio, targets: TARGETS, meetsTargets }, null, 2));
  } finally {
    await Promise.all(servers.map(stopServer));
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
