import { MALFORMED_REQUEST_MESSAGE, tooLargeMessage } from './user-facing-errors';

/**
 * The first check of a POST body, in proxy.ts, before Next.js parses it for a server
 * action (which would answer an over-limit or broken body with a 500 and an English
 * page). A body larger than the limit gets a 413, a multipart body that cannot be whole
 * a 400; both say so in Indonesian:
 * - a plain form post (JavaScript off) gets a small HTML page with a way back;
 * - a server action called from JavaScript (`Next-Action` header) gets `text/plain`,
 *   which Next.js's client rethrows as the error message the error page shows.
 *
 * Browsers always send Content-Length with a form post; a chunked body without one is
 * left to Next.js's own limit (experimental.serverActions.bodySizeLimit).
 */
export async function refuseBadBody(request: Request, maxBodyMb: number): Promise<Response | null> {
  if (request.method !== 'POST') return null;
  const length = request.headers.get('content-length');
  if (length !== null && Number(length) > maxBodyMb * 1024 * 1024) {
    return refusal(request, 413, 'Kiriman terlalu besar', tooLargeMessage(maxBodyMb));
  }
  const type = request.headers.get('content-type') ?? '';
  if (/^multipart\/form-data/i.test(type) && !(await isWholeMultipart(request, type))) {
    return refusal(request, 400, 'Kiriman tidak dapat diproses', MALFORMED_REQUEST_MESSAGE);
  }
  return null;
}

/**
 * Whether a multipart body has its boundary, opens with it and ends with the closing
 * delimiter: what a truncated upload or a hand-made post lacks. Only the ends are
 * looked at, so a large upload costs one copy, not a second parse.
 */
async function isWholeMultipart(request: Request, type: string): Promise<boolean> {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s"]{1,70}))/i.exec(type);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return false;
  let body: Uint8Array;
  try {
    body = new Uint8Array(await request.clone().arrayBuffer());
  } catch {
    return false;
  }
  const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const delimiter = `--${boundary}`;
  const head = latin1(body.subarray(0, delimiter.length + 2));
  const tail = latin1(body.subarray(Math.max(0, body.length - delimiter.length - 8))).replace(/[\r\n]+$/, '');
  return head === `${delimiter}\r\n` && tail.endsWith(`\r\n${delimiter}--`);
}

function refusal(request: Request, status: 400 | 413, title: string, message: string): Response {
  const headers = new Headers({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  if (request.headers.has('next-action')) {
    // Exactly 'text/plain' (no charset): the only type Next.js's client turns into the message.
    headers.set('Content-Type', 'text/plain');
    return new Response(message, { status, headers });
  }
  const back = new URL(request.url).pathname;
  headers.set('Content-Type', 'text/html; charset=utf-8');
  headers.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  const html = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · WBS</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:2.5rem 1rem;color:#0f172a;line-height:1.5}a{color:#1d4ed8;font-weight:600}</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="${escapeHtml(back)}">Kembali ke formulir</a> · <a href="/">Beranda</a></p>
</main>
</body>
</html>
`;
  return new Response(html, { status, headers });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
