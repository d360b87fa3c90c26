import { expect, test } from '@playwright/test';
import { createClient, type Client } from '@libsql/client';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pdfFile, validReportForm } from '../support/forms';
import { startServer, type AppServer } from './servers';

/**
 * The limits as an attacker meets them: plain HTTP posts (what a form does with
 * JavaScript off) against two real app instances (`npm start`'s server) sharing one
 * database file, with every limit at its real value (WBS_RATE_LIMIT_FACTOR=1, unlike the
 * other browser tests). Each test speaks from its own loopback address (127.0.0.x), so
 * the app sees a different TCP peer per test, as it would see different clients.
 */

const basePort = Number(process.env.E2E_PORT ?? 3210);
const ports = [basePort + 5, basePort + 6];
const dataDir = path.resolve(`${process.env.E2E_DATA_DIR ?? 'tests/.tmp/e2e'}-limits`);
const servers: AppServer[] = [];
let db: Client;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  mkdirSync(dataDir, { recursive: true });
  // One after the other: the first prepares the data folder (secrets, migrations).
  for (const port of ports) {
    servers.push(
      await startServer(port, {
        DATA_DIR: dataDir,
        ADMIN_EMAIL: 'admin@wbs.test',
        ADMIN_PASSWORD: 'admin-e2e-password',
        WBS_RATE_LIMIT_FACTOR: '1',
        TRUSTED_PROXY_HOPS: '0',
        OUTBOX_WORKER: 'off',
      }),
    );
  }
  db = createClient({ url: `file:${path.join(dataDir, 'wbs.db')}` });
});

test.afterAll(async () => {
  db?.close();
  await Promise.all(servers.map((server) => server.stop()));
});

type Answer = { status: number; location: string | null; body: string };

/** A browser without JavaScript, from one loopback address, keeping its cookies. */
function client(localAddress: string) {
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
          const value = pair.slice(eq + 1);
          if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(pair.slice(0, eq));
          else jar.set(pair.slice(0, eq), value);
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body: Buffer.concat(chunks).toString('utf8') }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Posts the form named by `label` (aria-label) or the first form on `pagePath`, as a JS-off browser does. */
  async function postForm(origin: string, pagePath: string, fields: FormData, label?: string): Promise<Answer> {
    const page = await send(`${origin}${pagePath}`);
    const forms = page.body.split('<form').slice(1).map((f) => '<form' + f.slice(0, f.indexOf('</form>')));
    const form = label ? forms.find((f) => f.includes(`aria-label="${label}"`)) : forms[0];
    if (!form) throw new Error(`no form ${label ?? ''} on ${pagePath}`);
    const action = /action="([^"]*)"/.exec(form)?.[1] || pagePath;
    const data = new FormData();
    for (const [, name, value = ''] of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) {
      data.append(name, value.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&#x27;', "'"));
    }
    for (const [name, value] of fields) data.append(name, value);
    // Same origin, as the browser sends it: Next.js refuses actions from other origins.
    return send(`${origin}${action}`, { method: 'POST', body: data, headers: { origin, ...forged() } });
  }

  let forgeries = 0;
  /** A fresh made-up X-Forwarded-For (and our private peer header) on every request. */
  function forged(): Record<string, string> {
    forgeries += 1;
    return { 'x-forwarded-for': `10.${forgeries % 250}.${(forgeries * 7) % 250}.1`, 'x-wbs-peer': `172.16.${forgeries % 250}.9` };
  }

  return { send, postForm };
}

const origin = (i: number) => `http://127.0.0.1:${ports[i % ports.length]}`;

function ticketForm(ticket: string) {
  const form = new FormData();
  form.set('ticket', ticket);
  return form;
}

const LIMITED = /Terlalu banyak percobaan\. Coba lagi dalam (\d+) menit\./;

test('[LIMITS] a fresh forged X-Forwarded-For on every ticket lookup is still refused from the 11th', async () => {
  const attacker = client('127.0.0.2');
  const answers = [];
  for (let i = 0; i < 14; i++) answers.push(await attacker.postForm(origin(0), '/status', ticketForm('WBS-AAAA-BBBB-CCCC-DDDD')));
  const limited = answers.map((a) => LIMITED.test(a.body));
  expect(limited).toEqual([...Array(10).fill(false), true, true, true, true]);
  expect(answers[0].body).toContain('Kode tiket tidak ditemukan');
  expect(Number(LIMITED.exec(answers[10].body)![1])).toBe(10);
  // Another client (another TCP peer) is not affected.
  expect(LIMITED.test((await client('127.0.0.9').postForm(origin(0), '/status', ticketForm('WBS-AAAA-BBBB-CCCC-DDDD'))).body)).toBe(false);
});

test('[LIMITS] lookups count across two app instances sharing one database', async () => {
  const attacker = client('127.0.0.3');
  const limited = [];
  for (let i = 0; i < 12; i++) limited.push(LIMITED.test((await attacker.postForm(origin(i), '/status', ticketForm('WBS-AAAA-BBBB-CCCC-DDDD'))).body));
  expect(limited).toEqual([...Array(10).fill(false), true, true]);
});

async function submitReport(reporter: ReturnType<typeof client>, i: number, marker: string) {
  const answer = await reporter.postForm(origin(i), '/lapor', validReportForm({ what: `${marker}: bendahara meminta uang Rp 500.000 kepada penyedia sebelum pembayaran.` }));
  return answer;
}

test('[LIMITS] colleagues on one office network (one address) can still send a few reports in an hour', async () => {
  const office = client('127.0.0.4');
  // The report text is sealed at rest, so what was stored is counted, not searched.
  const count = async () => Number((await db.execute('select count(*) as n from cases')).rows[0].n);
  const before = await count();
  for (let i = 0; i < 4; i++) {
    const answer = await submitReport(office, i, `Laporan kantor ${i}`);
    expect(answer.status, answer.body.slice(0, 300)).toBe(303);
    expect(answer.location).toContain('/lapor/terkirim');
  }
  expect(await count()).toBe(before + 4);
});

test('[LIMITS] a flood of 25 messages with a 2 MB file each is cut at 10 and mails officers once per window', async () => {
  test.setTimeout(240_000);
  const reporter = client('127.0.0.5');
  const sent = await submitReport(reporter, 0, 'Laporan banjir pesan');
  expect(sent.status).toBe(303);
  const receipt = await reporter.send(`${origin(0)}/lapor/terkirim`);
  const ticket = /data-testid="ticket-code"[^>]*>([\s\S]*?)<\/p>/.exec(receipt.body)![1].replace(/<[^>]+>/g, '').trim();
  const opened = await reporter.postForm(origin(0), '/status', ticketForm(ticket));
  expect(opened.status).toBe(303);
  // The report text is sealed at rest: the case just submitted is the newest one (tests in this file run in order).
  const [caseRow] = (await db.execute('select id, case_number from cases order by id desc limit 1')).rows;
  const caseNumber = String(caseRow.case_number);

  const started = Date.now();
  const outcomes: ('sent' | 'limited' | 'other')[] = [];
  for (let i = 0; i < 25; i++) {
    const form = new FormData();
    form.set('body', `Pesan tambahan nomor ${i + 1} tentang laporan ini.`);
    form.append('evidence', pdfFile(`lampiran-${i}.pdf`, 2 * 1024 * 1024));
    const answer = await reporter.postForm(origin(i), '/status', form, 'Kirim pesan kepada petugas');
    if (answer.status === 303 && answer.location?.includes('terkirim=pesan')) outcomes.push('sent');
    else if (/Terlalu banyak pesan dikirim dalam waktu singkat\. Isian Anda tetap tersimpan di halaman ini\. Coba lagi dalam \d+ menit\./.test(answer.body)) {
      // The typed text comes back in the form.
      expect(answer.body).toContain(`Pesan tambahan nomor ${i + 1} tentang laporan ini.`);
      outcomes.push('limited');
    } else outcomes.push('other');
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`[limits] 25 message posts with 2 MB each: ${outcomes.filter((o) => o === 'sent').length} stored, ${seconds.toFixed(1)} s`);
  expect(outcomes).toEqual([...Array(10).fill('sent'), ...Array(15).fill('limited')]);

  const stored = await db.execute({ sql: "select count(*) as n from messages where case_id = ? and author = 'reporter'", args: [caseRow.id] });
  expect(Number(stored.rows[0].n)).toBe(10);
  const files = await db.execute({ sql: 'select count(*) as n, coalesce(sum(size_bytes), 0) as bytes from attachments where case_id = ? and message_id is not null', args: [caseRow.id] });
  expect(Number(files.rows[0].n)).toBe(10);
  // Officers (the one admin here) got one email now and one deferred to the window's end, not 25.
  const mails = await db.execute({
    sql: "select next_attempt_at from email_outbox where kind = 'reporter_replied' and (subject like ? or text_body like ?) order by next_attempt_at",
    args: [`%${caseNumber}%`, `%${caseNumber}%`],
  });
  const officers = Number((await db.execute('select count(*) as n from officers where active = 1')).rows[0].n);
  expect(mails.rows.length).toBe(2 * officers);
  const due = mails.rows.map((r) => Number(r.next_attempt_at));
  expect(due[due.length - 1] - due[0]).toBeGreaterThanOrEqual(9 * 60);
});
