import { NextResponse, type NextRequest } from 'next/server';

/**
 * First door for every page: a fresh CSP nonce per request (Next.js applies it to
 * its own scripts). No third-party origin is allowed anywhere. Authorisation is not
 * decided here; every page, action and download checks again itself.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV === 'development';
  // Evidence and calendar downloads are sandboxed: nothing in them can run as this site.
  const download = /^\/petugas\/kasus\/[^/]+\/(bukti\/[^/]+|panggilan\/[^/]+\/ics)\/?$/.test(request.nextUrl.pathname);
  const csp = download ? "sandbox; default-src 'none'; frame-ancestors 'none'" : [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  // HSTS only where it means something: a request that arrived over HTTPS.
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico|robots.txt).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
