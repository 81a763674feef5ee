/**
 * `npm run bench:rollout -- --recipients N --rps R --fault-rate F [--concurrency C]`
 * Runs the real delivery engine (SQLite ledger, botbuilder's connector client)
 * against a rate-limited Bot Connector stand-in in another process and prints
 * one JSON line. Loopback only; it stops by itself.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config/load-config';
import { createThemeLibrary } from '../../src/content/theme-library';
import { loadThemes } from '../../src/content/load-themes';
import { loadPulse } from '../../src/content/load-pulse';
import { createCardRenderer } from '../../src/cards/render-card';
import { createLogger } from '../../src/log/create-logger';
import { CARDS_DIR, THEMES_DIR } from '../../src/project-paths';
import { createMessageComposer } from '../../src/rollout/compose-message';
import { createRollout } from '../../src/rollout/create-rollout';
import { createSqliteStores } from '../../src/stores/sqlite/create-sqlite-stores';
import { createBotAuthentication } from '../../src/teams/create-bot-authentication';
import { createProactiveSender } from '../../src/teams/create-proactive-sender';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const recipients = arg('recipients', 2000);
const rps = arg('rps', 200);
const faultRate = arg('fault-rate', 0);
const concurrency = arg('concurrency', 16);
const TENANT = '11111111-2222-4333-8444-555555555555';

async function startStandIn() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'rate-limited-connector.ts')], {
    env: { ...process.env, RPS: String(rps), FAULT_RATE: String(faultRate) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  const url = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;
  process.on('exit', () => child.kill('SIGTERM')); // never leave the stand-in running
  return { url, child };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'refleks-bench-'));
  const standIn = await startStandIn();
  const config = loadConfig({ DATA_DIR: dataDir, SEND_CONCURRENCY: String(concurrency), LOG_LEVEL: 'silent' });
  // The engine takes any rate here; the service itself caps RATE_LIMIT_RPS at Teams' 50.
  const campaignConfig = { ...config.campaign, ratePerSecond: rps };
  const stores = createSqliteStores(dataDir);
  const now = new Date();
  for (let i = 0; i < recipients; i++) {
    const aadObjectId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const address = {
      serviceUrl: standIn.url,
      channelId: 'msteams',
      conversationId: `a:${aadObjectId}`,
      tenantId: TENANT,
      botId: '28:bot',
      userId: `29:${i}`,
    };
    await stores.recipients.recordSighting({ tenantId: TENANT, aadObjectId, address, locale: 'nb-NO' }, now);
  }
  const themes = createThemeLibrary(loadThemes(THEMES_DIR), {});
  const compose = createMessageComposer(themes, createCardRenderer(CARDS_DIR), {}, 'nb', loadPulse(THEMES_DIR));
  const sender = createProactiveSender(createBotAuthentication(config), '', config.campaign.sendTimeoutMs);
  const { campaign, engine } = createRollout(
    campaignConfig,
    stores.deliveries,
    sender,
    compose,
    createLogger('silent'),
  );

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const { id } = await campaign.sendNow('lock-devices', 'nudge', 'cli', new Date());
  await campaign.idle();
  await engine.drain();
  const elapsedS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);

  const stats = (await (await fetch(`${standIn.url}/stats`)).json()) as {
    accepted: number;
    unique: number;
    duplicates: number;
    throttled: number;
  };
  const counts = (await stores.deliveries.counts()).get(id);
  const failed = counts?.failed ?? 0;
  const idealS = stats.accepted / rps;
  console.log(
    JSON.stringify({
      recipients,
      rps,
      fault_rate: faultRate,
      concurrency,
      delivered: stats.unique,
      duplicates: stats.duplicates,
      // A recipient that failed permanently was never accepted (403/404 end it), so the two never overlap.
      missing: recipients - stats.unique - failed,
      permanent_failures: failed,
      throttled_429: stats.throttled,
      elapsed_s: Number(elapsedS.toFixed(2)),
      ideal_s: Number(idealS.toFixed(2)),
      efficiency: Number((idealS / elapsedS).toFixed(3)),
      cpu_ms_per_message: Number(((cpu.user + cpu.system) / 1000 / recipients).toFixed(3)),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
  await engine.stop();
  await stores.health.close();
  standIn.child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
