import restify from 'restify';
import type { Logger } from '../log/create-logger';
import { StartupError } from '../startup-error';

export const MAX_BODY_BYTES = 256 * 1024;

export interface HealthReport {
  status: 'ok' | 'degraded';
  version: string;
  storage: { reachable: boolean };
  activeRecipients: number | null;
}

export interface ServerDeps {
  /** Handles a parsed POST /api/messages (the Teams edge). */
  handleMessages(req: restify.Request, res: restify.Response): Promise<void>;
  health(): Promise<HealthReport>;
  log: Logger;
}

export interface RunningServer {
  port: number;
  /** Stops accepting, then waits up to graceMs for in-flight turns. */
  stop(graceMs: number): Promise<void>;
}

function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const check = () => (done() || Date.now() - started >= timeoutMs ? resolve() : setTimeout(check, 20));
    check();
  });
}

/** The HTTP edge. restify stays in this module; everything else gets plain functions. */
export async function startServer(port: number, deps: ServerDeps): Promise<RunningServer> {
  const server = restify.createServer({ name: 'refleks', handleUncaughtExceptions: false });
  let inFlight = 0;

  // bodyParser answers 413 over the limit and 400 for malformed JSON before any handler runs.
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req, res) => {
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
      res.send(400, { error: 'The body must be a Bot Framework activity (a JSON object).' });
      return;
    }
    inFlight += 1;
    try {
      await deps.handleMessages(req, res);
    } catch (error) {
      // The Teams edge answers every request itself (400, 401, 500); this guard only keeps a bug from leaving one hanging.
      deps.log.error({ err: { message: (error as Error).message } }, 'request to /api/messages failed');
      if (!res.headersSent) res.send(500, { error: 'Something went wrong in refleks.' });
    } finally {
      inFlight -= 1;
    }
  });

  server.get('/healthz', async (_req, res) => {
    const report = await deps.health();
    res.send(report.status === 'ok' ? 200 : 503, report);
  });

  server.on('restifyError', (req, _res, err, callback) => {
    deps.log.warn(
      { path: req.path(), status: (err as { statusCode?: number }).statusCode, code: err.name },
      'request rejected',
    );
    callback();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(`Port ${port} is already in use. Stop the other program, or set PORT to a free port.`)
          : error,
      ),
    );
    server.listen(port, '0.0.0.0', resolve);
  });
  const address = server.address() as { port: number };
  deps.log.info({ port: address.port }, 'listening');

  return {
    port: address.port,
    async stop(graceMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      await waitUntil(() => inFlight === 0, graceMs);
      // Keep-alive sockets would hold close() open; every turn has finished or timed out by now.
      server.server.closeAllConnections();
      await closed;
    },
  };
}
