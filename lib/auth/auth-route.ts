import { NextRequest } from 'next/server';

/**
 * What next-auth's own route (/api/auth/[...nextauth]) accepts by POST. Sessions are
 * created only by the app's sign-in action (app/petugas/masuk/actions.ts), which calls
 * Auth.js in-process and never over HTTP, so:
 * - `callback/*`, `signin/*` and `session` (a JWT "update") are refused with 404, before
 *   any of the body is read: no password is ever checked here, whatever its size;
 * - any other POST (sign-out) is read up to MAX_AUTH_BODY_BYTES, and refused with 413
 *   beyond, however the body is framed (Content-Length or chunked).
 */

export const MAX_AUTH_BODY_BYTES = 4 * 1024;

const ALLOWED_POST_ACTIONS = new Set(['signout']);

const plain = (status: number, body: string) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/** The Auth.js action of a path under /api/auth: `callback`, `signin`, `signout`, `session`… */
export function authAction(pathname: string): string {
  const rest = pathname.replace(/^.*?\/api\/auth\/?/, '');
  return rest.split('/')[0] ?? '';
}

/** Reads at most `limit` bytes of a body; null when there is more. */
async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** A refusal, or the request rebuilt from its (small) body for Auth.js. */
export async function guardAuthPost(request: NextRequest): Promise<Response | NextRequest> {
  if (!ALLOWED_POST_ACTIONS.has(authAction(request.nextUrl.pathname))) {
    // Drop the body unread: nothing behind this path is ever answered.
    await request.body?.cancel().catch(() => {});
    return plain(404, 'Not found');
  }
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_AUTH_BODY_BYTES) {
    await request.body?.cancel().catch(() => {});
    return plain(413, 'Payload too large');
  }
  const body = await readCapped(request.body, MAX_AUTH_BODY_BYTES);
  if (!body) return plain(413, 'Payload too large');
  return new NextRequest(request.url, { method: 'POST', headers: request.headers, body: body as BodyInit });
}
