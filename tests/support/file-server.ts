import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback stand-in for the downloadUrl Teams gives for a file the user dropped in the chat. */
export class FileServer {
  readonly files = new Map<string, Buffer>();
  /** The Authorization header of each request, by path ('' when none was sent). */
  readonly authorizations = new Map<string, string>();
  /** How long each download takes, to let other turns run while a file is on its way. */
  delayMs = 0;
  private readonly server = http.createServer((req, res) => {
    this.authorizations.set(req.url ?? '', req.headers.authorization ?? '');
    const file = this.files.get(req.url ?? '');
    setTimeout(() => {
      res.writeHead(file ? 200 : 404, { 'content-type': 'application/octet-stream' });
      res.end(file);
    }, this.delayMs);
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  url(name: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/${name}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
