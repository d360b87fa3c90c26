import { expect, test } from '@playwright/test';
import { createClient, type Client } from '@libsql/client';
import { hash } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generate } from 'otplib';
import { startServer, type AppServer } from './servers';

/**
 * The sign-in attacks of issue 8 (#2–#5) and the copied session of issue 10, tried over
 * HTTP as an attacker would, against the real server (scripts/start.ts: the in-process
 * server that knows the TCP peer) started here with its own data folder, real limits
 * (no WBS_RATE_LIMIT_FACTOR) and TRUSTED_PROXY_HOPS=1 — one trusted proxy, so this test
 * can present several client addresses in X-Forwarded-For as a proxy would.
 *
 * The JavaScript-off sign-in form is posted as a browser would post it (its hidden
 * server-action fields, multipart), so every try runs the app's real sign-in action.
 */

const PORT = Number(process.env.E2E_PORT ?? 3210) + 1;
const BASE = `http://127.0.0.1:${PORT}`;
const DATA_DIR = path.resolve(`tests/.tmp/e2e-sign-in-${Date.now()}`);
const SECRETS = {
  AUTH_SECRET: randomBytes(32).toString('base64'),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  TICKET_HMAC_KEY: randomBytes(32).toString('base64'),
};
const ADMIN = { email: 'admin@sign-in.test', password: 'admin-sign-in-password' };
const OFFICER = { email: 'petugas@sign-in.test', password: 'petugas-kata-sandi-panjang' };
const TOTP_OFFICER = { email: 'totp@sign-in.test', password: 'totp-kata-sandi-panjang', secret: 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD' };

let server: AppServer | undefined;
let db: Client;

test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

async function addOfficer(email: string, password: string, totpSecret?: string) {
  // The key this spec's own server uses; restored afterwards, so later specs in this worker
  // do not inherit it.
  const previousKey = process.env.DATA_ENCRYPTION_KEY;
  process.env.DATA_ENCRYPTION_KEY = SECRETS.DATA_ENCRYPTION_KEY;
  try {
    const passwordHash = await hash(password, { algorithm: 2 });
    const inserted = await db.execute({
      sql: "INSERT INTO officers (email, name, password_hash, role, active, must_change_password) VALUES (?, ?, ?, 'officer', 1, 0) RETURNING id",
      args: [email, email.split('@')[0], passwordHash],
    });
    const id = Number(inserted.rows[0].id);
    if (totpSecret) {
      // Sealed exactly as the app seals it (same key, bound to the officer id).
      const { sealTotp } = await import('../../lib/auth/totp');
      await db.execute({ sql: 'UPDATE officers SET totp_enabled = 1, totp_secret_enc = ? WHERE id = ?', args: [sealTotp(id, { secret: totpSecret }), id] });
    }
    return id;
  } finally {
    if (previousKey === undefined) delete process.env.DATA_ENCRYPTION_KEY;
    else process.env.DATA_ENCRYPTION_KEY = previousKey;
  }
}

test.beforeAll(async () => {
  mkdirSync(DATA_DIR, { recursive: true });
  server = await startServer(
    PORT,
    {
      ...SECRETS,
      DATA_DIR,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      TRUSTED_PROXY_HOPS: '1',
      WBS_RATE_LIMIT_FACTOR: '1',
      OUTBOX_WORKER: 'off',
    },
    { stdout: 'inherit', timeoutMs: 120_000 },
  );
  db = createClient({ url: `file:${path.join(DATA_DIR, 'wbs.db')}` });
  // Whatever the install default, these officers sign in with password (+ TOTP when enrolled).
  await db.execute({ sql: "INSERT INTO settings (key, value) VALUES ('requireTotp', 'false') ON CONFLICT(key) DO UPDATE SET value = 'false'", args: [] });
  await addOfficer(OFFICER.email, OFFICER.password);
  await addOfficer(TOTP_OFFICER.email, TOTP_OFFICER.password, TOTP_OFFICER.secret);
});

test.afterAll(async () => {
  db?.close();
  await server?.stop();
});

const decode = (v: string) => v.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

let formCache: [string, string][] | undefined;

/** The hidden fields of the sign-in form, as a browser without JavaScript posts them. */
async function hiddenFields(): Promise<[string, string][]> {
  if (formCache) return formCache;
  const html = await (await fetch(`${BASE}/petugas/masuk`)).text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';
  formCache = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [decode(m[1]), decode(m[2] ?? '')]);
  expect(formCache.some(([name]) => name.startsWith('$ACTION'))).toBe(true);
  return formCache;
}

type Answer = { status: number; message: string; session: string | null; ms: number };

const MESSAGE = /(Email atau kata sandi salah\.|Terlalu banyak percobaan masuk\. Coba lagi dalam \d+ (?:menit|jam)\.|Kode verifikasi salah atau sudah dipakai\.[^<]*|Masukkan kode verifikasi dua langkah[^<]*|Periksa kembali isian yang ditandai\.)/;

function sessionCookie(response: Response): string | null {
  const cookie = response.headers.getSetCookie().find((c) => /^authjs\.session-token=[^;]+/.test(c));
  return cookie ? cookie.split(';')[0] : null;
}

/** One post of the sign-in form from the client at `ip` (as the trusted proxy reports it). */
async function signIn(ip: string, fields: { email: string; password: string; code?: string }): Promise<Answer> {
  const body = new FormData();
  for (const [name, value] of await hiddenFields()) body.append(name, value);
  body.append('email', fields.email);
  body.append('password', fields.password);
  if (fields.code !== undefined) body.append('code', fields.code);
  const started = performance.now();
  const response = await fetch(`${BASE}/petugas/masuk`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { 'X-Forwarded-For': ip, Origin: BASE },
  });
  const text = await response.text();
  return { status: response.status, message: MESSAGE.exec(text)?.[1] ?? '', session: sessionCookie(response), ms: performance.now() - started };
}

/** Runs `count` calls with at most `width` in flight. */
async function pool<T>(count: number, width: number, run: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await run(i);
      }
    }),
  );
  return out;
}

/** What /petugas answers to a cookie: 200 with the inbox, or a redirect to the login. */
async function inboxWith(cookie: string) {
  const response = await fetch(`${BASE}/petugas`, { headers: { Cookie: cookie }, redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location') ?? '' };
}

test('[SIGN-IN] next-auth\u2019s own endpoint opens no session: 2,000 passwords, the right one, a 20 MB one', async () => {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const post = (password: string, ip: string, action = 'callback/credentials') =>
    fetch(`${BASE}/api/auth/${action}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie, 'X-Forwarded-For': ip, Origin: BASE },
      body: new URLSearchParams({ csrfToken, email: ADMIN.email, password, proof: 'x'.repeat(43) }),
    });

  // The app's form refuses this address after 30 tries…
  const refused = await pool(31, 4, (i) => signIn('198.51.100.66', { email: OFFICER.email, password: `salah-${i}` }));
  expect(refused.at(-1)!.message).toMatch(/^Terlalu banyak percobaan masuk/);

  // …and the next-auth endpoint gives it nothing either, not even with the right password.
  const started = performance.now();
  const answers = await pool(2000, 20, async (i) => {
    const response = await post(i === 1999 ? ADMIN.password : `tebakan-${i}`, '198.51.100.66');
    await response.arrayBuffer();
    return { status: response.status, session: sessionCookie(response) };
  });
  console.log(`2,000 posts to /api/auth/callback/credentials: ${(performance.now() - started).toFixed(0)} ms`);
  expect(answers.every((a) => a.status === 404 && a.session === null)).toBe(true);
  for (const action of ['signin/credentials', 'session', 'callback/credentials?x=1']) {
    const response = await post(ADMIN.password, '198.51.100.67', action);
    expect(response.status).toBe(404);
    expect(sessionCookie(response)).toBeNull();
  }

  // A 20 MB password: refused before it is read, on every path.
  const huge = 'x'.repeat(20 * 1024 * 1024);
  for (const action of ['callback/credentials', 'signout']) {
    const t = performance.now();
    const response = await post(huge, '198.51.100.68', action);
    console.log(`20 MB body to /api/auth/${action}: HTTP ${response.status} in ${(performance.now() - t).toFixed(0)} ms`);
    expect([404, 413]).toContain(response.status);
    expect(sessionCookie(response)).toBeNull();
  }
  // And through the app's own form, the same field limit as everywhere.
  const big = await signIn('198.51.100.69', { email: ADMIN.email, password: 'x'.repeat(201) });
  expect(big.session).toBeNull();
  expect(big.message).toBe('Periksa kembali isian yang ditandai.');

  expect(await inboxWith(csrfCookie)).toMatchObject({ status: 303, location: expect.stringContaining('/petugas/masuk') });
});

test('[SIGN-IN] 1,000 failures from one address hold that address to 5 guesses; the officer from another address gets in at once', async () => {
  const attacker = '203.0.113.7';
  const started = performance.now();
  const answers = await pool(1000, 8, (i) => signIn(attacker, { email: OFFICER.email, password: `tebakan-${i}` }));
  const checked = answers.filter((a) => a.message === 'Email atau kata sandi salah.').length;
  const limited = answers.filter((a) => a.message.startsWith('Terlalu banyak percobaan masuk')).length;
  console.log(`1,000 failures from one address: ${checked} checked, ${limited} refused by the limits, ${(performance.now() - started).toFixed(0)} ms`);
  expect(checked).toBeLessThanOrEqual(5);
  expect(checked + limited).toBe(1000);
  expect(answers.every((a) => a.session === null)).toBe(true);

  const t = performance.now();
  const officer = await signIn('198.51.100.20', OFFICER);
  console.log(`the officer from another address: HTTP ${officer.status} in ${(performance.now() - t).toFixed(0)} ms`);
  expect(officer.status).toBe(303);
  expect(officer.session).not.toBeNull();
  expect(await inboxWith(officer.session!)).toMatchObject({ status: 200 });

  // The attacker's address stays refused on that account, even with the right password.
  const again = await signIn(attacker, OFFICER);
  expect(again.session).toBeNull();
  expect(again.message).toMatch(/^Terlalu banyak percobaan masuk/);
});

test('[SIGN-IN] one TOTP code in 6 simultaneous sign-ins opens exactly one session', async () => {
  const code = await generate({ secret: TOTP_OFFICER.secret });
  const answers = await Promise.all(
    Array.from({ length: 6 }, (_, i) => signIn(`192.0.2.${10 + i}`, { email: TOTP_OFFICER.email, password: TOTP_OFFICER.password, code })),
  );
  console.log(`6 parallel sign-ins with one code: ${answers.map((a) => a.status).join(', ')}`);
  expect(answers.filter((a) => a.session !== null)).toHaveLength(1);
  expect(answers.filter((a) => a.message.startsWith('Kode verifikasi salah atau sudah dipakai'))).toHaveLength(5);
});

test('[SIGN-IN] a known and an unknown address answer alike: same messages, same limit, similar time', async () => {
  const run = (email: string, ip: string) => pool(7, 1, (i) => signIn(ip, { email, password: `salah-${i}` }));
  const known = await run(ADMIN.email, '192.0.2.101');
  const unknown = await run('tidak-ada@sign-in.test', '192.0.2.102');
  expect(unknown.map((a) => [a.status, a.message])).toEqual(known.map((a) => [a.status, a.message]));
  expect(known[4].message).toBe('Email atau kata sandi salah.');
  expect(known[5].message).toMatch(/^Terlalu banyak percobaan masuk/);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const k = median(known.slice(0, 5).map((a) => a.ms));
  const u = median(unknown.slice(0, 5).map((a) => a.ms));
  console.log(`checked failures, median: known ${k.toFixed(0)} ms, unknown ${u.toFixed(0)} ms; limited: known ${known[6].ms.toFixed(0)} ms, unknown ${unknown[6].ms.toFixed(0)} ms`);
  // Both run argon2 (a dummy hash for the unknown address): no factor-of-two gap.
  expect(Math.max(k, u) / Math.min(k, u)).toBeLessThan(2);
});

test('[SESSION] a copied officer cookie is refused after "Keluar" and after a password change', async ({ browser }) => {
  // Two sign-ins: the cookie of the first is copied before it signs out.
  const first = await signIn('192.0.2.201', OFFICER);
  const copy = await signIn('192.0.2.202', OFFICER);
  expect(first.session && copy.session).toBeTruthy();
  expect(await inboxWith(copy.session!)).toMatchObject({ status: 200 });

  const context = await browser.newContext({ baseURL: BASE, extraHTTPHeaders: { 'X-Forwarded-For': '192.0.2.201' } });
  const [name, value] = first.session!.split(/=(.*)/s);
  await context.addCookies([{ name, value, url: BASE }]);
  const page = await context.newPage();
  await page.goto('/petugas');
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/petugas\/masuk\?info=keluar/);
  await context.close();

  for (const cookie of [first.session!, copy.session!]) {
    expect(await inboxWith(cookie)).toMatchObject({ status: 303, location: expect.stringContaining('/petugas/masuk') });
    const download = await fetch(`${BASE}/petugas/kasus/2026-0001/bukti/1`, { headers: { Cookie: cookie }, redirect: 'manual' });
    expect([303, 401]).toContain(download.status);
  }

  // A password change ends the other sessions too.
  const a = await signIn('192.0.2.203', OFFICER);
  const b = await signIn('192.0.2.204', OFFICER);
  const ctx = await browser.newContext({ baseURL: BASE, extraHTTPHeaders: { 'X-Forwarded-For': '192.0.2.203' } });
  const [n, v] = a.session!.split(/=(.*)/s);
  await ctx.addCookies([{ name: n, value: v, url: BASE }]);
  const p = await ctx.newPage();
  await p.goto('/petugas/akun');
  await p.locator('#currentPassword').fill(OFFICER.password);
  await p.locator('#newPassword').fill('kata-sandi-baru-yang-panjang');
  await p.locator('#confirmPassword').fill('kata-sandi-baru-yang-panjang');
  await p.getByRole('button', { name: 'Ubah kata sandi' }).click();
  await expect(p).toHaveURL(/\/petugas\/masuk\?info=sandi-diubah/);
  await ctx.close();
  expect(await inboxWith(b.session!)).toMatchObject({ status: 303, location: expect.stringContaining('/petugas/masuk') });
});
