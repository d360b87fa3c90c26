import { expect, test } from '@playwright/test';
import { createClient, type Client } from '@libsql/client';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { validReportForm } from '../support/forms';
import { startFakeResend, type FakeResend } from '../support/fake-resend';
import { ADMIN } from './support';
import { spawnServer, type AppServer } from './servers';

/**
 * Several instances, one truth: two app instances (`npm start`'s server, started at the
 * same moment) on one database file, each with its own outbox worker sending through a
 * fake Resend. What one instance stores or changes, the other uses at once: a report sent
 * to one is found by its ticket on the other, limits count across both, an admin's
 * settings change on one shows on the other, and every outbox email leaves exactly once.
 */

const basePort = Number(process.env.E2E_PORT ?? 3210);
const ports = [basePort + 7, basePort + 8];
const origin = (i: number) => `http://127.0.0.1:${ports[i % ports.length]}`;
const dataDir = path.resolve(`${process.env.E2E_DATA_DIR ?? 'tests/.tmp/e2e'}-instances`);
const servers: AppServer[] = [];
let db: Client;
let resend: FakeResend;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  mkdirSync(dataDir, { recursive: true });
  resend = await startFakeResend();
  // Both at once, as a deployment starts its instances: one prepares, the other waits for it.
  servers.push(
    ...ports.map((port) =>
      spawnServer(port, {
        DATA_DIR: dataDir,
        APP_URL: `http://127.0.0.1:${port}`,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        WBS_RATE_LIMIT_FACTOR: '1',
        // Both instances run a delivery loop, often, so they race for the same rows.
        OUTBOX_WORKER: 'on',
        OUTBOX_INTERVAL_MS: '150',
        RESEND_API_KEY: 're_instances_test',
        RESEND_BASE_URL: resend.url,
        EMAIL_FROM: 'WBS <wbs@wbs.test>',
      }),
    ),
  );
  await Promise.all(servers.map((server) => server.answering()));
  db = createClient({ url: `file:${path.join(dataDir, 'wbs.db')}` });
  // Test setup: this office does not require two-step sign-in, so the admin signs in with a password.
  await db.execute("UPDATE settings SET value = 'false' WHERE key = 'requireTotp'");
});

test.afterAll(async () => {
  db?.close();
  await Promise.all(servers.map((server) => server.stop()));
  await resend?.stop();
});

type Answer = { status: number; location: string | null; body: string };

/** A browser without JavaScript, from one loopback address (one TCP peer), keeping its cookies. */
function browserWithoutJs(localAddress: string) {
  const jar = new Map<string, string>();
  async function send(url: string, init: { method?: string; body?: FormData; headers?: Record<string, string> } = {}): Promise<Answer> {
    let body: Buffer | undefined;
    const headers: Record<string, string> = { ...init.headers };
    if (init.body) {
      const encoded = new Request('http://x/', { method: 'POST', body: init.body });
      body = Buffer.from(await encoded.arrayBuffer());
      headers['content-type'] = encoded.headers.get('content-type')!;
      headers['content-length'] = String(body.length);
    }
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method: init.method ?? 'GET', headers, localAddress }, (res) => {
        for (const line of res.headers['set-cookie'] ?? []) {
          const [pair] = line.split(';');
          const eq = pair.indexOf('=');
          if (pair.slice(eq + 1) === '' || /max-age=0/i.test(line)) jar.delete(pair.slice(0, eq));
          else jar.set(pair.slice(0, eq), pair.slice(eq + 1));
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Posts the first form on `pagePath` of instance `at`, with its hidden fields, as a JS-off browser does. */
  async function postForm(at: string, pagePath: string, fields: FormData): Promise<Answer> {
    const page = await send(`${at}${pagePath}`);
    const form = page.body.split('<form').slice(1).map((f) => '<form' + f.slice(0, f.indexOf('</form>')))[0];
    if (!form) throw new Error(`no form on ${pagePath}`);
    const action = /action="([^"]*)"/.exec(form)?.[1] || pagePath;
    const data = new FormData();
    for (const [, name, value = ''] of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) {
      data.append(name, value.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&#x27;', "'"));
    }
    for (const [name, value] of fields) data.append(name, value);
    return send(`${at}${action}`, { method: 'POST', body: data, headers: { origin: at } });
  }
  return { send, postForm };
}

function ticketForm(ticket: string) {
  const form = new FormData();
  form.set('ticket', ticket);
  return form;
}

test('[INSTANCES] a report sent to one instance is found by its ticket on the other', async () => {
  const reporter = browserWithoutJs('127.0.0.21');
  const sent = await reporter.postForm(origin(0), '/lapor', validReportForm({ what: 'Laporan lintas instans: bendahara meminta uang Rp 500.000 kepada penyedia.' }));
  expect(sent.status, sent.body.slice(0, 300)).toBe(303);
  const receipt = await reporter.send(`${origin(0)}/lapor/terkirim`);
  const ticket = /data-testid="ticket-code"[^>]*>([\s\S]*?)<\/p>/.exec(receipt.body)![1].replace(/<[^>]+>/g, '').trim();

  // Another browser, on the other instance.
  const later = browserWithoutJs('127.0.0.22');
  const opened = await later.postForm(origin(1), '/status', ticketForm(ticket));
  expect(opened.status, opened.body.slice(0, 300)).toBe(303);
  const status = await later.send(`${origin(1)}${opened.location}`);
  // The reporter's view of that case (the report text itself is not shown back).
  expect(status.body).toMatch(/data-testid="case-state"[^>]*>Diterima</);
  expect(status.body).toContain('Laporan Anda telah diterima dan menunggu diperiksa oleh petugas.');
  // A ticket that exists nowhere is not found there: the lookup above really found this case.
  const wrong = await browserWithoutJs('127.0.0.25').postForm(origin(1), '/status', ticketForm('WBS-AAAA-BBBB-CCCC-DDDD'));
  expect(wrong.body).toContain('Kode tiket tidak ditemukan');
});

test('[INSTANCES] ticket lookups count across both instances: the 11th is refused wherever it lands', async () => {
  const guesser = browserWithoutJs('127.0.0.23');
  const limited = [];
  for (let i = 0; i < 12; i++) {
    const answer = await guesser.postForm(origin(i), '/status', ticketForm('WBS-AAAA-BBBB-CCCC-DDDD'));
    limited.push(/Terlalu banyak percobaan\. Coba lagi dalam \d+ menit\./.test(answer.body));
  }
  expect(limited).toEqual([...Array(10).fill(false), true, true]);
});

test('[INSTANCES] a setting an admin saves on one instance is used by the other at once', async ({ browser }) => {
  const phone = `(0380) ${String(Date.now()).slice(-6)}`;
  const context = await browser.newContext({ baseURL: origin(0) });
  const page = await context.newPage();
  await page.goto('/petugas/masuk');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kotak Masuk' })).toBeVisible({ timeout: 30_000 });
  await page.goto('/petugas/admin/pengaturan');
  await page.getByLabel('Nomor telepon').fill(phone);
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText(/Pengaturan telah disimpan/)).toBeVisible();
  await context.close();

  // The other instance's public home page shows the new number on its next request.
  const home = await browserWithoutJs('127.0.0.24').send(`${origin(1)}/`);
  expect(home.body).toContain(phone);
});

test('[INSTANCES] with a delivery loop in each instance, every outbox email is sent exactly once', async () => {
  test.setTimeout(120_000);
  // Reports on both instances: each writes officer notifications to the shared outbox.
  for (let i = 0; i < 6; i++) {
    const answer = await browserWithoutJs(`127.0.0.${30 + i}`).postForm(origin(i), '/lapor', validReportForm({ what: `Laporan email ${i}: bendahara meminta uang kepada penyedia sebelum pembayaran.` }));
    expect(answer.status).toBe(303);
  }
  const outbox = async () => (await db.execute('SELECT id, status, claimed_by FROM email_outbox')).rows;
  await expect.poll(async () => (await outbox()).filter((row) => row.status !== 'sent').length, { timeout: 60_000 }).toBe(0);
  const rows = await outbox();
  expect(rows.length).toBeGreaterThanOrEqual(6);
  // One request per email reached Resend (not even an idempotent repeat), each email once.
  const posts = resend.requests.filter((request) => request.method === 'POST' && request.path === '/emails');
  expect(posts.length).toBe(rows.length);
  expect(new Set(resend.emails.map((email) => email.idempotencyKey)).size).toBe(rows.length);
  console.log(`[instances] ${rows.length} emails, claimed by ${new Set(rows.map((row) => row.claimed_by)).size} delivery loop(s)`);
});
