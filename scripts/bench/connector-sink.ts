import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The cheapest stand-in for the Bot Connector that a bot accepts: it reads each
 * reply and answers 200 with a resource id, nothing more. The benchmark must
 * measure the bots, not a test double that parses and records every reply
 * (tests use tests/support/connector-stand-in.ts for that).
 */
export class ConnectorSink {
  replies = 0;
  private readonly server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      this.replies += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"sent"}');
    });
  });

  url = '';

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
