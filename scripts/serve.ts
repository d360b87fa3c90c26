import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { trustedProxyHops } from '../lib/env';
import { PEER_HEADER, PEER_MARK } from '../lib/security/client-address';

/**
 * Serves the built app in this process, in front of Next.js's own request handler, for
 * one reason: Next.js gives server actions and route handlers no access to the TCP peer
 * (NextRequest has no `ip` since Next 15) and fills `x-forwarded-for` from the socket
 * only when the request has none, so the client could name its own address.
 *
 * Here every request first loses any PEER_HEADER the client sent and gets the socket's
 * address in its place; the header therefore always tells the truth. PEER_MARK on
 * globalThis (same process as the app) tells lib/security/client-address.ts that this
 * server is in front; under plain `next start` the header is ignored.
 *
 * Otherwise this is what `next start` does (the public custom-server API).
 */
export async function serveNext(options: { dir: string; port: number; hostname: string }) {
  // A wrong TRUSTED_PROXY_HOPS stops the start here rather than failing every request.
  const hops = trustedProxyHops();
  (globalThis as Record<symbol, unknown>)[PEER_MARK] = true;
  // As `next start` does before loading anything of Next.js.
  (process.env as Record<string, string>).NODE_ENV = 'production';
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: options.dir, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    setPeer(req);
    handle(req, res).catch((error: unknown) => {
      console.error('[wbs] request failed', error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  console.log(
    `[wbs] Listening on http://${options.hostname}:${options.port}; client address: ${hops === 0 ? 'the TCP peer (X-Forwarded-For ignored)' : `X-Forwarded-For, entry ${hops} from the right (TRUSTED_PROXY_HOPS)`}`,
  );
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** Replaces whatever the client sent as PEER_HEADER with the socket's address. */
export function setPeer(req: IncomingMessage): void {
  delete req.headers[PEER_HEADER];
  // rawHeaders is what some code paths rebuild headers from: drop the client's copy there too.
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i].toLowerCase() === PEER_HEADER) req.rawHeaders.splice(i, 2);
  }
  const peer = req.socket.remoteAddress;
  if (peer) {
    req.headers[PEER_HEADER] = peer;
    req.rawHeaders.push(PEER_HEADER, peer);
  }
}
