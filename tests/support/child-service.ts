import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../src/project-paths';

export interface ChildService {
  url: string;
  /** Parsed JSON log lines from stdout. */
  logs: Record<string, unknown>[];
  logText(): string;
  /** Everything the process wrote to stderr, outside the JSON logs. */
  stderr(): string;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown code runs, as when a host dies. */
  kill(): Promise<void>;
}

/** Only what a process needs to run; the developer's own settings must not leak in. */
const baseEnv = () => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  TMPDIR: process.env.TMPDIR ?? '/tmp',
});

function spawnService(env: Record<string, string>): ChildProcess {
  // tsx resolved from the project, since the child runs in the data folder.
  const tsx = require.resolve('tsx', { paths: [PROJECT_ROOT] });
  return spawn(process.execPath, ['--import', pathToFileURL(tsx).href, path.join(PROJECT_ROOT, 'src', 'index.ts')], {
    // The data folder as working directory: no .env from the project is read.
    cwd: env.DATA_DIR,
    env: { ...baseEnv(), PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

/** Runs refleks as its own process (node src/index.ts through tsx), the way it runs in production. */
export async function startChildService(env: Record<string, string>, timeoutMs = 20000): Promise<ChildService> {
  const child = spawnService(env);
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  let buffered = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`refleks did not start: ${stderr}`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`refleks exited with ${code}: ${stderr}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'listening') {
          clearTimeout(timer);
          resolve(Number(entry.port));
        }
      }
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    logs,
    logText: () => logs.map((entry) => JSON.stringify(entry)).join('\n'),
    stderr: () => stderr,
    post: (body, headers = {}) =>
      fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}

/** Starts refleks expecting it to refuse: the exit code and what it printed. */
export async function startExpectingFailure(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawnService(env);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await exited(child);
  return { code, stderr };
}

/** Polls until `check` returns something truthy. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 15000,
): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
