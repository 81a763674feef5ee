import http from 'node:http';

/** Keep-alive connections, one per simulated user, as Bot Framework's own service would use. */
export function createPoster(url: string, connections: number): (body: string) => Promise<number> {
  const target = new URL(url);
  // Rounds alternate between two servers, so a connection can sit idle for two rounds (6 s). Node
  // servers close idle keep-alive connections after 5 s; reusing one as it closes fails with
  // "socket hang up". Closing idle ones first, after 4 s, avoids that race.
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, timeout: 4000 });
  return (body) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}
