import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';

/**
 * `npm run bench`: the figures DESIGN.md's budgets ask for, on this machine.
 * 1. Server: a ticket lookup and officer inbox pages against 100,000 seeded cases in a
 *    libSQL file (timings and the query plans, which must use indexes).
 * 2. Public pages: compressed HTML, CSS and JS of /lapor and /status from a running
 *    `next start` (needs a build: run `npm run build` or `npm start` once first).
 * Set BENCH_CASES to seed another count. Everything runs on 127.0.0.1 in a temp folder.
 */

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wbs-bench-'));
process.env.DATA_DIR = dataDir;
process.env.DATABASE_URL = `file:${path.join(dataDir, 'wbs.db')}`;
for (const name of ['AUTH_SECRET', 'DATA_ENCRYPTION_KEY', 'TICKET_HMAC_KEY']) {
  process.env[name] = randomBytes(32).toString('base64');
}

const { getDb, closeDb } = await import('@/lib/db/client');
const { applyMigrations } = await import('@/lib/db/migrate');
const { ensureDefaults } = await import('@/lib/db/seed');
const { findCaseByTicket, loadReporterView } = await import('@/lib/cases/reporter-view');
const { loadOfficerCaseView } = await import('@/lib/cases/officer-view');
const { submitReport } = await import('@/lib/cases/submit');
const { listInbox, countByState } = await import('@/lib/cases/inbox');
const { authorizeOfficer } = await import('@/lib/auth/guard');
const { officers } = await import('@/lib/db/schema');
const { generateTicket, normalizeTicket } = await import('@/lib/cases/ticket');
const { ticketKey } = await import('@/lib/env');
const { CASE_STATES } = await import('@/lib/cases/workflow');
const { sql } = await import('drizzle-orm');

type Stats = { median: number; p95: number; max: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

const ms = (s: Stats) => `median ${s.median.toFixed(2)} ms · p95 ${s.p95.toFixed(2)} ms · max ${s.max.toFixed(2)} ms`;

async function seed() {
  const db = getDb();
  const client = (globalThis as unknown as { __wbsDb: { client: import('@libsql/client').Client } }).__wbsDb.client;
  await applyMigrations(db, client);
  await ensureDefaults(db);
  const key = ticketKey();
  const tickets: string[] = [];
  const started = performance.now();
  const batch = 5000;
  const now = Math.floor(Date.now() / 1000);
  for (let offset = 0; offset < CASES; offset += batch) {
    const statements = [];
    for (let i = offset; i < Math.min(CASES, offset + batch); i++) {
      const ticket = generateTicket();
      if (i % 100 === 0) tickets.push(ticket);
      const hash = createHmac('sha256', key).update(`wbs-ticket:${normalizeTicket(ticket)}`).digest('hex');
      const state = CASE_STATES[i % CASE_STATES.length];
      const final = ['concluded', 'referred', 'rejected'].includes(state);
      const created = now - (CASES - i) * 60;
      const due = final ? null : created + ((i * 7919) % (90 * 86400));
      statements.push({
        sql: `INSERT INTO cases (case_number, ticket_hash, state, category_id, what, where_text, when_text, who_text, how_text,
                quarantined, due_at, state_changed_at, created_at, updated_at)
              VALUES (?, ?, ?, ?, 'uraian', 'tempat', 'waktu', 'pihak', 'modus', ?, ?, ?, ?, ?)`,
        args: [`B${String(i).padStart(7, '0')}`, hash, state, (i % 11) + 1, i % 50 === 0 ? 1 : 0, due, created, created, created],
      });
    }
    await client.batch(statements, 'write');
  }
  await client.execute('ANALYZE');
  return { tickets, seconds: (performance.now() - started) / 1000 };
}

async function plan(query: string, args: (string | number)[]): Promise<string> {
  const client = (globalThis as unknown as { __wbsDb: { client: import('@libsql/client').Client } }).__wbsDb.client;
  const rows = await client.execute({ sql: `EXPLAIN QUERY PLAN ${query}`, args });
  return rows.rows.map((r) => String(r.detail)).join(' | ');
}

async function serverBench() {
  console.log(`\n== Server: ${CASES.toLocaleString('en')} cases in a libSQL file ==`);
  const { tickets, seconds } = await seed();
  console.log(`seeded in ${seconds.toFixed(1)} s`);
  const db = getDb();

  const lookup = await time(1000, (i) => findCaseByTicket(db, tickets[i % tickets.length].toLowerCase().replace(/-/g, ' ')));
  console.log(`ticket lookup (HMAC + one indexed read): ${ms(lookup)}`);
  console.log(`  plan: ${await plan('SELECT id FROM cases WHERE ticket_hash = ? LIMIT 1', ['x'])}`);
  const miss = await time(1000, () => findCaseByTicket(db, generateTicket()));
  console.log(`unknown ticket: ${ms(miss)}`);

  // The inbox is a read model behind the guard: a bench officer, authorised as a page would.
  const [benchOfficer] = await db
    .insert(officers)
    .values({ email: `bench-${Date.now()}@wbs.local`, name: 'Bench', passwordHash: 'not-a-login', totpEnabled: true })
    .returning({ id: officers.id });
  const officer = await authorizeOfficer(db, { id: benchOfficer.id });

  const first = await time(200, () => listInbox(db, officer, { view: 'open' }));
  console.log(`inbox, open cases, first page (50): ${ms(first)}`);
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) cursor = (await listInbox(db, officer, { view: 'open', after: cursor })).nextCursor ?? undefined;
  const deep = await time(200, () => listInbox(db, officer, { view: 'open', after: cursor }));
  console.log(`inbox, open cases, page 1,001 (keyset): ${ms(deep)}`);
  const byState = await time(200, () => listInbox(db, officer, { view: 'verifying' }));
  console.log(`inbox, one state: ${ms(byState)}`);
  const byCategory = await time(200, () => listInbox(db, officer, { view: 'open', categoryId: 3 }));
  console.log(`inbox, open cases in one category: ${ms(byCategory)}`);
  const closed = await time(200, () => listInbox(db, officer, { view: 'concluded' }));
  console.log(`inbox, concluded (newest first): ${ms(closed)}`);
  const quarantine = await time(200, () => listInbox(db, officer, { view: 'quarantine' }));
  console.log(`inbox, quarantine: ${ms(quarantine)}`);
  // A case page reads (and decrypts) only its own case: measured on cases submitted
  // through the real path, with reported persons, among the seeded ones.
  const submitted: { caseNumber: string; caseId: number }[] = [];
  for (let i = 0; i < 20; i++) {
    submitted.push(
      await submitReport(db, {
        report: {
          identity: { anonymous: true },
          parties: [
            { name: `Terlapor ${i}`, position: 'Bendahara', workUnit: 'Keuangan' },
            { name: `Saksi ${i}`, position: 'Staf', workUnit: 'Umum' },
          ],
          what: 'Meminta uang kepada setiap penyedia sebelum pembayaran tagihan dicairkan. '.repeat(5),
          where: 'Ruang Keuangan Biro Umum, lantai 2',
          whenText: 'Setiap awal bulan sejak Januari 2026',
          who: 'Dua staf keuangan mengetahui kejadian ini',
          how: 'Uang diminta secara tunai di ruang kerja dengan alasan biaya administrasi. '.repeat(5),
        } as Parameters<typeof submitReport>[1]['report'],
        categoryId: 1,
        files: [],
      }),
    );
  }
  const casePage = await time(200, (i) => loadOfficerCaseView(db, officer, submitted[i % submitted.length].caseNumber));
  console.log(`case page (officer view, all reads): ${ms(casePage)}`);
  const statusPage = await time(200, (i) => loadReporterView(db, submitted[i % submitted.length].caseId));
  console.log(`status page (reporter view): ${ms(statusPage)}`);
  const counts = await time(50, () => countByState(db, officer));
  console.log(`counts per state (tabs): ${ms(counts)}`);
  console.log(
    `  plan (open, first page): ${await plan(
      `SELECT id FROM cases WHERE quarantined = 0 AND state IN ('received','verifying','awaiting_info','investigating','hearing_witnesses','examining_reported') ORDER BY due_at, id LIMIT 51`,
      [],
    )}`,
  );
  await statisticsBench();
  await db.run(sql`SELECT 1`);
  closeDb();
}

/**
 * The Zona Integritas report over every seeded case: timeline events are added for each
 * (verification started a day after submission, a first answer two days after, closing
 * for the closed states), then the whole statistics read model runs for the period that
 * holds all of them (a year's worth at 100,000 cases).
 */
async function statisticsBench() {
  const client = (globalThis as unknown as { __wbsDb: { client: import('@libsql/client').Client } }).__wbsDb.client;
  const { computeStatistics } = await import('@/lib/stats/officer-stats');
  const { customPeriod } = await import('@/lib/stats/period');
  const started = performance.now();
  const ids = await client.execute('SELECT id, state, created_at FROM cases ORDER BY id');
  const batch: { sql: string; args: (string | number)[] }[] = [];
  const flush = async () => {
    if (batch.length) await client.batch(batch.splice(0), 'write');
  };
  const insert = `INSERT INTO case_events (case_id, kind, from_state, to_state, created_at) VALUES (?, ?, ?, ?, ?)`;
  for (const row of ids.rows) {
    const id = Number(row.id);
    const state = String(row.state);
    const created = Number(row.created_at);
    if (state === 'received') continue;
    batch.push({ sql: insert, args: [id, 'verification_started', 'received', 'verifying', created + 86400] });
    if (state !== 'verifying') batch.push({ sql: insert, args: [id, 'accepted_complete', 'verifying', 'investigating', created + 2 * 86400] });
    if (['concluded', 'referred', 'rejected'].includes(state)) batch.push({ sql: insert, args: [id, state, 'investigating', state, created + 20 * 86400] });
    if (batch.length >= 5000) await flush();
  }
  await flush();
  await client.execute('ANALYZE');
  console.log(`statistics: timeline events seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const first = new Date(Number(ids.rows[0].created_at) * 1000 + 8 * 3600_000).toISOString().slice(0, 10);
  const last = new Date(Date.now() + 30 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  const period = customPeriod(first, last);
  const once = performance.now();
  await computeStatistics(getDb(), period);
  console.log(`statistics: first run ${(performance.now() - once).toFixed(0)} ms`);
  const report = await time(5, () => computeStatistics(getDb(), period));
  console.log(`statistics: the whole report for ${period.label} (${CASES.toLocaleString('en')} cases): ${ms(report)}`);
}

function get(port: number, urlPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; bytes: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers: { 'accept-encoding': 'gzip', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const gz = res.headers['content-encoding'] === 'gzip';
        const body = gz ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
        resolve({ status: res.statusCode ?? 0, bytes: raw.length, body, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function waitFor(port: number, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await get(port, '/')).status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

async function pageBench() {
  console.log('\n== Public pages: compressed bytes on a first visit (gzip, as next start serves them) ==');
  if (!existsSync('.next/BUILD_ID')) {
    console.log('no build found: run `npm run build` first to measure page weights');
    return;
  }
  const stats = JSON.parse(readFileSync('.next/diagnostics/route-bundle-stats.json', 'utf8')) as {
    route: string;
    firstLoadUncompressedJsBytes: number;
  }[];
  const port = 3290;
  const pageDir = mkdtempSync(path.join(os.tmpdir(), 'wbs-bench-pages-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: pageDir, PORT: String(port), HOSTNAME: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' };
  delete env.DATABASE_URL;
  const server: ChildProcess = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts'], {
    env,
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitFor(port, 120_000);
    for (const route of ['/', '/lapor', '/status']) {
      const html = await get(port, route);
      const css = [...html.body.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
      // noModule scripts (legacy polyfills) are never fetched by current browsers.
      const js = [
        ...new Set([...html.body.matchAll(/<script([^>]+)>/g)].filter((m) => !/noModule/i.test(m[1])).map((m) => m[1].match(/src="([^"]+)"/)?.[1]).filter(Boolean) as string[]),
      ];
      let cssBytes = 0;
      for (const href of css) cssBytes += (await get(port, href)).bytes;
      let jsBytes = 0;
      for (const src of js) jsBytes += (await get(port, src)).bytes;
      const uncompressed = stats.find((s) => s.route === route)?.firstLoadUncompressedJsBytes;
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(
        `${route.padEnd(8)} HTML ${kb(html.bytes)} + CSS ${kb(cssBytes)} = critical path ${kb(html.bytes + cssBytes)} · JS ${kb(jsBytes)} in ${js.length} files` +
          `${uncompressed ? ` (${kb(uncompressed)} uncompressed per route-bundle-stats)` : ''} · first visit total ${kb(html.bytes + cssBytes + jsBytes)}`,
      );
    }
    await throttledLoad(port);
  } finally {
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    rmSync(pageDir, { recursive: true, force: true });
  }
}

/**
 * DESIGN's slow-network budget: Chromium throttled to 400 Kbps down and up with 400 ms
 * round trips (CDP network emulation), cold cache. LCP from the browser's own entry;
 * "usable" is DOMContentLoaded: the form is plain HTML posting to the server, so it
 * works from then on, before any script (all of Next's scripts are async).
 */
async function throttledLoad(port: number) {
  const { chromium } = await import('@playwright/test');
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    console.log('\n== Throttled first visit: 400 Kbps, 400 ms RTT, cold cache ==');
    for (const route of ['/lapor', '/status']) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 400,
        downloadThroughput: (400 * 1024) / 8,
        uploadThroughput: (400 * 1024) / 8,
      });
      await page.addInitScript(() => {
        (window as unknown as { __lcp: number }).__lcp = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) (window as unknown as { __lcp: number }).__lcp = entry.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(`http://127.0.0.1:${port}${route}`, { waitUntil: 'load', timeout: 120_000 });
      const timing = await page.evaluate(() => {
        const nav = window.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { lcp: (window as unknown as { __lcp: number }).__lcp, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
      });
      const s = (n: number) => `${(n / 1000).toFixed(2)} s`;
      console.log(`${route.padEnd(8)} LCP ${s(timing.lcp)} · form usable (DOMContentLoaded) ${s(timing.dcl)} · all scripts loaded ${s(timing.load)}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

try {
  await serverBench();
  // BENCH_PAGES=0 measures the server side only (no build, no browser).
  if (process.env.BENCH_PAGES !== '0') await pageBench();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
