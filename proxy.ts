import { NextResponse, type NextRequest } from 'next/server';
import { withSession } from '@/auth';
import { isDevelopment, maxBodyMb } from '@/lib/env';
import { refuseBadBody } from '@/lib/http/body-guard';

/**
 * A fresh CSP nonce per request (Next.js applies it to its own scripts). No
 * third-party origin is allowed anywhere.
 */
function withSecurityHeaders(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const dev = isDevelopment();
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

function isOfficerArea(pathname: string): boolean {
  return (pathname === '/petugas' || pathname.startsWith('/petugas/')) && pathname !== '/petugas/masuk';
}

/**
 * First door for every page. For the officer area (/petugas/* except the login page) it
 * is also the session's first door, and where the session's inactivity clock is
 * refreshed: withSession (auth.ts) runs the jwt callback (30 min idle, 8 h absolute,
 * account still active, password unchanged) and re-issues or clears the session cookie,
 * which server components cannot do. Authorisation is not decided here; every page,
 * action and download checks again itself.
 */
export async function proxy(request: NextRequest) {
  // An over-limit or broken POST body gets a readable 413/400 here, not a 500 from the action.
  const refused = await refuseBadBody(request, maxBodyMb());
  if (refused) return refused;
  if (!isOfficerArea(request.nextUrl.pathname)) return withSecurityHeaders(request);
  return withSession(request, (req) => {
    // A server action posted from a page answers for itself (officerAction refuses
    // without a session and says so). 303 so a form POST becomes a GET of the login page.
    if (!req.auth && !req.headers.has('next-action')) {
      const login = new URL('/petugas/masuk', req.nextUrl);
      login.searchParams.set('callbackUrl', `${req.nextUrl.pathname}${req.nextUrl.search}`);
      return NextResponse.redirect(login, 303);
    }
    return withSecurityHeaders(req);
  });
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico|robots.txt).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
