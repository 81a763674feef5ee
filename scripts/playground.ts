/**
 * `npm run playground`: builds refleks, starts it in local mode and opens the
 * Microsoft 365 Agents Playground (a Teams-like test client) pointed at it.
 * Chat with the bot at http://localhost:56150. Ctrl+C stops both.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const botPort = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// Local mode: no MicrosoftAppId, so the bot accepts the Playground without tokens.
const botEnv = { ...process.env, PORT: botPort, MicrosoftAppId: '', ALLOWED_TENANT_IDS: '' };
const children: ChildProcess[] = [
  spawn(process.execPath, [path.join(root, 'dist/src/index.js')], { cwd: root, env: botEnv, stdio: 'inherit' }),
  spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/@microsoft/m365agentsplayground/cli.js'),
      '-e',
      `http://127.0.0.1:${botPort}/api/messages`,
      '-c',
      'msteams',
      '-p',
      playgroundPort,
      '--disable-telemetry',
    ],
    {
      cwd: root,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none' },
      stdio: 'inherit',
    },
  ),
];
console.log(`\nrefleks: chat with the bot in the Agents Playground at http://localhost:${playgroundPort}\n`);

let stopping = false;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2000).unref();
}
for (const child of children) child.on('exit', (code) => stopAll(code ?? 0));
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
