import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import NextAuth, { CredentialsSignin, type NextAuthConfig, type NextAuthRequest, type Session, type User } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import type { NextRequest } from 'next/server';
import { consumeSignInProof } from '@/lib/auth/sessions';
import { getDb } from '@/lib/db/client';
import { officers } from '@/lib/db/schema';
import { env, secrets } from '@/lib/env';
import { logUnexpected } from '@/lib/errors';

/**
 * Officer sign-in (Auth.js / next-auth v5): e-mail + password + TOTP code when the
 * officer enrolled, JWT sessions in an encrypted, http-only cookie.
 *
 * Session lifetime, enforced in the `jwt` callback on every session read:
 * - inactivity: the token carries `lastSeen`; a token whose `lastSeen` is older than
 *   30 minutes is refused (the callback returns null and Auth.js clears the cookie).
 *   Every read through Auth.js's request path refreshes `lastSeen` and re-issues the
 *   cookie. Server components cannot set cookies, so the refresh happens where Next.js
 *   lets it: `proxy.ts` calling `withSession` (below) for /petugas/* requests. Without
 *   that, a session would end 30 minutes after sign-in however active the officer was.
 * - absolute: the token carries `signedInAt`; after 8 hours the officer signs in again
 *   however active they were (`maxAge` alone would slide with every refresh).
 * - revocation: the token carries the officer's session version and a keyed fingerprint
 *   of the password hash. Signing out, a changed or reset password, a TOTP change, a
 *   deactivated or deleted account raise the version (lib/auth/sessions.ts) and end
 *   every open session, copied cookies included, at its next request, because the
 *   callback re-reads the officer row.
 *
 * Creation: the Credentials provider does not check passwords. It accepts only a
 * one-time proof issued by the app's own sign-in action after the full, rate-limited
 * check (lib/auth/login.ts), so a POST to /api/auth/callback/credentials — which the
 * route handler refuses anyway — can never open a session.
 * `session.updateAge` is honoured by Auth.js only for database sessions; it is set so
 * the intent is visible, and the JWT cookie is re-issued on every checked request.
 *
 * The session the app sees carries only `{ id, role, name }`; pages and actions still
 * re-check the officer row themselves (lib/auth/session.ts).
 */

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
export const IDLE_TIMEOUT_SECONDS = 30 * 60;

/** A keyed fingerprint of the password hash: binds a session to the password it began with. */
function passwordFingerprint(passwordHash: string): string {
  return createHmac('sha256', secrets().AUTH_SECRET).update(`session-pw:${passwordHash}`).digest('base64url').slice(0, 22);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

type SignedInUser = User & { id: string; name: string; role: 'officer' | 'admin'; pwf: string; sv: number };

function config(): NextAuthConfig {
  return {
    secret: secrets().AUTH_SECRET,
    // Self-hosted behind the office's own reverse proxy, the Host header is the site's
    // (AUTH_TRUST_HOST, default true). false makes Auth.js refuse every request it handles.
    trustHost: env().AUTH_TRUST_HOST,
    pages: { signIn: '/petugas/masuk', error: '/petugas/masuk' },
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 5 * 60 },
    providers: [
      Credentials({
        id: 'credentials',
        name: 'Email dan kata sandi',
        credentials: { proof: {} },
        async authorize(credentials) {
          const officer = await consumeSignInProof(getDb(), credentials?.proof);
          if (!officer) return null;
          const user: SignedInUser = {
            id: String(officer.id),
            name: officer.name,
            role: officer.role,
            pwf: passwordFingerprint(officer.passwordHash),
            sv: officer.sessionVersion,
          };
          return user;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        const now = nowSeconds();
        if (user) {
          const signedIn = user as SignedInUser;
          // Only what the app needs: no e-mail, no picture, never the hash itself.
          return { sub: signedIn.id, name: signedIn.name, role: signedIn.role, pwf: signedIn.pwf, sv: signedIn.sv, signedInAt: now, lastSeen: now };
        }
        const { signedInAt, lastSeen, pwf, sv, sub } = token as { signedInAt?: unknown; lastSeen?: unknown; pwf?: unknown; sv?: unknown; sub?: unknown };
        if (typeof signedInAt !== 'number' || typeof lastSeen !== 'number' || typeof pwf !== 'string' || typeof sv !== 'number') return null;
        if (now - lastSeen > IDLE_TIMEOUT_SECONDS || now - signedInAt > SESSION_MAX_AGE_SECONDS) return null;
        if (typeof sub !== 'string' || !/^\d+$/.test(sub)) return null;
        const id = Number(sub);
        const [row] = await getDb()
          .select({ name: officers.name, role: officers.role, active: officers.active, passwordHash: officers.passwordHash, sessionVersion: officers.sessionVersion })
          .from(officers)
          .where(eq(officers.id, id))
          .limit(1);
        if (!row || !row.active || row.sessionVersion !== sv || passwordFingerprint(row.passwordHash) !== pwf) return null;
        return { sub, name: row.name, role: row.role, pwf, sv, signedInAt, lastSeen: now };
      },
      async session({ session, token }) {
        const result: Session = {
          expires: session.expires,
          user: { id: String(token.sub), name: String(token.name ?? '') },
        };
        (result.user as { role?: unknown; sv?: unknown }).role = token.role;
        // Checked again by the guard (lib/auth/guard.ts) against the officer row.
        (result.user as { role?: unknown; sv?: unknown }).sv = token.sv;
        return result;
      },
    },
    logger: {
      // A wrong password is an everyday event, not a server error; other errors are
      // logged by name only, since Auth.js errors can carry the submitted form.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        logUnexpected('auth', (error as { cause?: { err?: unknown } }).cause?.err ?? error);
      },
      warn(code) {
        console.warn(`[wbs] auth warning: ${code}`);
      },
      debug() {},
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());

/**
 * For proxy.ts: reads the session for `request` (running the jwt callback above, so an
 * idle, expired or revoked session reads as null) and appends the re-issued or cleared
 * session cookie to the handler's response. This is what keeps the inactivity clock
 * running: server components cannot set cookies.
 *
 * Why not `auth(handler)` directly: with a lazy config, next-auth 5.0.0-beta.32's
 * `auth(handler)` returns a promise of the wrapped handler, although its types promise
 * the handler itself (calling it as typed fails with "is not a function").
 */
export async function withSession(
  request: NextRequest,
  handler: (request: NextAuthRequest) => Response | Promise<Response>,
): Promise<Response> {
  type Wrapped = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const wrapped = (await (auth(handler) as unknown as Promise<Wrapped> | Wrapped)) as Wrapped;
  return wrapped(request, { params: Promise.resolve({}) });
}
