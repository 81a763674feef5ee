/**
 * A Bot Connector stand-in for the rollout benchmark, run as its own process so
 * its CPU isn't counted as the engine's. It enforces RPS requests per second
 * like Teams (429 with Retry-After when exceeded), injects faults at FAULT_RATE
 * (a third each 503, 403 ConversationBlockedByUser and 404 ConversationNotFound),
 * and counts what it accepted per conversation. GET /stats returns the counts.
 */
import http from 'node:http';

const rps = Number(process.env.RPS ?? 50);
const faultRate = Number(process.env.FAULT_RATE ?? 0);
let seed = Number(process.env.SEED ?? 42);
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

// Teams counts requests per second; a bucket of one tenth of a second keeps bursts honest.
const capacity = Math.max(1, rps / 10);
let tokens = capacity;
let last = performance.now();
function allow(): boolean {
  const now = performance.now();
  tokens = Math.min(capacity, tokens + ((now - last) / 1000) * rps);
  last = now;
  if (tokens < 1) return false;
  tokens -= 1;
  return true;
}

const accepted = new Map<string, number>();
const stats = { requests: 0, throttled: 0, faults: 0, accepted: 0 };

function reply(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    const duplicates = [...accepted.values()].reduce((sum, n) => sum + n - 1, 0);
    return reply(res, 200, { ...stats, unique: accepted.size, duplicates });
  }
  req.resume();
  req.on('end', () => {
    stats.requests += 1;
    const conversation = decodeURIComponent(
      /^\/v3\/conversations\/([^/]+)\/activities$/.exec(req.url ?? '')?.[1] ?? '',
    );
    if (!allow()) {
      stats.throttled += 1;
      return reply(res, 429, { error: { code: 'Throttled', message: 'too many requests' } }, { 'retry-after': '1' });
    }
    if (random() < faultRate) {
      stats.faults += 1;
      const pick = random();
      if (pick < 1 / 3) return reply(res, 503, { error: { code: 'ServiceUnavailable', message: 'try later' } });
      if (pick < 2 / 3) return reply(res, 403, { error: { code: 'ConversationBlockedByUser', message: 'blocked' } });
      return reply(res, 404, { error: { code: 'ConversationNotFound', message: 'gone' } });
    }
    stats.accepted += 1;
    accepted.set(conversation, (accepted.get(conversation) ?? 0) + 1);
    reply(res, 201, { id: `a-${stats.requests}` });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as { port: number }).port })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
