import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LoadResult, Scenario } from './bench/load';

/**
 * `npm run bench`: the figures DESIGN.md's budgets and issue 11's targets ask for.
 *
 * 1. Seeds BENCH_CASES cases (default 100,000), sealed like real ones, in a libSQL file
 *    in a temp folder; times the read models in this process (ticket lookup, inbox
 *    pages, case and status views, statistics) with their query plans.
 * 2. Starts the app as `npm start` does (scripts/start.ts: prepare, then `next start`
 *    behind scripts/serve.ts) on 127.0.0.1, and loads it over HTTP from a second process
 *    (scripts/bench/load.ts, autocannon, 10 connections): the floor (/api/sehat, one
 *    trivial query), ticket lookup hit and miss and report submission as the JS-off
 *    forms post them, officer inbox first and deep page, a case page, the status page of
 *    a case with 50 messages; the server's resident memory idle and after.
 * 3. Page weights of /, /lapor, /status (compressed, as served) and, in throttled
 *    Chromium, when /lapor paints and is usable with JavaScript off and on.
 *
 * stdout: one JSON object per line (HTTP figures: name, rps, p50_ms, p95_ms, p99_ms,
 * ratio_to_floor; memory: name rss_mb_*; pages: name, bytes_gz; paint: name, lcp_ms,
 * usable_ms). stderr: the same for a person, with the machine's load average.
 *
 * Needs a build (`npm run build`); scripts/start.ts rebuilds a stale one.
 * BENCH_CASES, BENCH_SECONDS (per scenario, default 10), BENCH_CONNECTIONS (10),
 * BENCH_PORT (3351), BENCH_LCP_RUNS (3), BENCH_PAGES=0 (skip pages and Chromium),
 * BENCH_HTTP=0 (skip the HTTP load), BENCH_STATS=0 (skip the statistics report).
 */

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3351);
const LCP_RUNS = Number(process.env.BENCH_LCP_RUNS ?? 3);
const ORIGIN = `http://127.0.0.1:${PORT}`;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wbs-bench-'));
process.env.DATA_DIR = dataDir;
process.env.DATABASE_URL = `file:${path.join(dataDir, 'wbs.db')}`;
for (const name of ['AUTH_SECRET', 'DATA_ENCRYPTION_KEY', 'TICKET_HMAC_KEY']) process.env[name] = randomBytes(32).toString('base64');

const { getDb, closeDb } = await import('@/lib/db/client');
const { applyMigrations } = await import('@/lib/db/migrate');
const { ensureDefaults } = await import('@/lib/db/seed');
const { findCaseByTicket, loadReporterView } = await import('@/lib/cases/reporter-view');
const { loadOfficerCaseView } = await import('@/lib/cases/officer-view');
const { submitReport } = await import('@/lib/cases/submit');
const { sendMessageToReporter } = await import('@/lib/cases/service/messages');
const { loadCaseCipher, SEAL_PENDING, sealRow } = await import('@/lib/cases/case-crypto');
const { listInbox, countByState, countMineAndUnread } = await import('@/lib/cases/inbox');
const { authorizeOfficer } = await import('@/lib/auth/guard');
const { hashPassword } = await import('@/lib/auth/password');
const { newTotpSecret, sealTotp } = await import('@/lib/auth/totp');
const { messages, officers } = await import('@/lib/db/schema');
const { generateTicket } = await import('@/lib/cases/ticket');
const { eq } = await import('drizzle-orm');
const { seedCases } = await import('./bench/seed');
const { actionFields, cookiesOf, multipart, send } = await import('./bench/http');
const { validReportForm } = await import('../tests/support/forms');

// ---------------------------------------------------------------- output

/** A machine-readable figure on stdout. */
function emit(figure: Record<string, unknown>) {
  process.stdout.write(JSON.stringify(figure) + '\n');
}
/** A line for a person on stderr. */
function say(text: string) {
  process.stderr.write(text + '\n');
}
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
const round = (n: number | null, digits = 2) => (typeof n === "number" && Number.isFinite(n) ? Number(n.toFixed(digits)) : null);

type Stats = { median: number; p95: number; max: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

/** Times `fn` in this process (no HTTP): the read model alone. */
async function time(name: string, label: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  const s = stats(samples);
  emit({ name: `inproc_${name}`, p50_ms: round(s.median), p95_ms: round(s.p95), max_ms: round(s.max) });
  say(`  ${label}: median ${s.median.toFixed(2)} ms · p95 ${s.p95.toFixed(2)} ms · max ${s.max.toFixed(2)} ms`);
}

function rawClient() {
  return (globalThis as unknown as { __wbsDb: { client: import('@libsql/client').Client } }).__wbsDb.client;
}

async function plan(query: string): Promise<string> {
  const rows = await rawClient().execute({ sql: `EXPLAIN QUERY PLAN ${query}`, args: [] });
  return rows.rows.map((r) => String(r.detail)).join(' | ');
}

// ---------------------------------------------------------------- 1. seed and in-process figures

type Fixtures = {
  tickets: string[];
  officer: { email: string; password: string; totpSecret: string };
  caseNumber: string;
  threadTicket: string;
  deepCursor: string;
};

async function seedAndTime(): Promise<Fixtures> {
  const db = getDb();
  await applyMigrations(db, rawClient());
  await ensureDefaults(db);
  say(`\n== ${CASES.toLocaleString('en')} cases in a libSQL file (load average ${load()}) ==`);
  const { tickets, seconds } = await seedCases(rawClient(), CASES);
  emit({ name: 'seed_seconds', seconds: round(seconds, 1), cases: CASES });
  say(`seeded (sealed, one data key per case) in ${seconds.toFixed(1)} s`);

  // The bench officer signs in over HTTP later with a password and a TOTP code, like anyone.
  const password = randomBytes(12).toString('base64url');
  const totpSecret = newTotpSecret();
  const email = `bench-${Date.now()}@wbs.local`;
  const [row] = await db
    .insert(officers)
    .values({ email, name: 'Bench', passwordHash: await hashPassword(password), totpEnabled: true })
    .returning({ id: officers.id });
  await db.update(officers).set({ totpSecretEnc: sealTotp(row.id, { secret: totpSecret }) }).where(eq(officers.id, row.id));
  const officer = await authorizeOfficer(db, { id: String(row.id), role: 'officer' });

  // Cases submitted through the real path, with reported persons; the first gets a thread of 50 messages.
  const submitted: { caseNumber: string; caseId: number; ticket: string }[] = [];
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
  const thread = submitted[0];
  for (let i = 0; i < 25; i++) {
    await sendMessageToReporter(db, officer, { caseNumber: thread.caseNumber, body: `Mohon jelaskan lebih rinci bagian ${i + 1} dari laporan Anda.` });
    // A reporter's answer, stored as handleReporterMessage stores it (its per-case limit would stop a loop).
    await db.transaction(async (tx) => {
      const [m] = await tx.insert(messages).values({ caseId: thread.caseId, author: 'reporter', body: SEAL_PENDING }).returning({ id: messages.id });
      await sealRow(tx, await loadCaseCipher(tx, thread.caseId), messages, m.id, { body: `Jawaban ${i + 1}: kejadian berlangsung di ruang keuangan pada pagi hari.` });
    });
  }

  say('\n-- read models in this process (no HTTP) --');
  await time('ticket_lookup', 'ticket lookup (HMAC + one indexed read)', 1000, (i) =>
    findCaseByTicket(db, tickets[i % tickets.length].toLowerCase().replace(/-/g, ' ')),
  );
  say(`    plan: ${await plan(`SELECT id FROM cases WHERE ticket_hash = 'x' LIMIT 1`)}`);
  await time('ticket_miss', 'unknown ticket', 1000, () => findCaseByTicket(db, generateTicket()));
  await time('inbox_first', 'inbox, open cases, first page (50)', 200, () => listInbox(db, officer, { view: 'open' }));
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) cursor = (await listInbox(db, officer, { view: 'open', after: cursor })).nextCursor ?? cursor;
  await time('inbox_deep', 'inbox, open cases, page 1,001 (keyset)', 200, () => listInbox(db, officer, { view: 'open', after: cursor }));
  await time('inbox_state', 'inbox, one state', 200, () => listInbox(db, officer, { view: 'verifying' }));
  await time('inbox_category', 'inbox, open cases in one category', 200, () => listInbox(db, officer, { view: 'open', categoryId: 3 }));
  await time('inbox_concluded', 'inbox, concluded (newest first)', 200, () => listInbox(db, officer, { view: 'concluded' }));
  await time('inbox_quarantine', 'inbox, quarantine', 200, () => listInbox(db, officer, { view: 'quarantine' }));
  await time('inbox_counts', 'counts per state (tabs)', 50, () => countByState(db, officer));
  await time('inbox_counts_mine_unread', 'counts of "Kasus saya" and "Balasan baru"', 50, () => countMineAndUnread(db, officer));
  await time('case_view', 'case page (officer view, all reads)', 200, (i) => loadOfficerCaseView(db, officer, submitted[1 + (i % 19)].caseNumber));
  await time('status_view', 'status page (reporter view)', 200, (i) => loadReporterView(db, submitted[1 + (i % 19)].caseId));
  await time('status_view_50_messages', 'status page of a case with 50 messages', 200, () => loadReporterView(db, thread.caseId));
  say(
    `    plan (open, first page): ${await plan(
      `SELECT id FROM cases WHERE quarantined = 0 AND state IN ('received','verifying','awaiting_info','investigating','hearing_witnesses','examining_reported') ORDER BY due_at, id LIMIT 51`,
    )}`,
  );
  if (process.env.BENCH_STATS !== '0') await statisticsBench();
  return {
    tickets,
    officer: { email, password, totpSecret },
    caseNumber: submitted[1].caseNumber,
    threadTicket: thread.ticket,
    deepCursor: cursor!,
  };
}

/**
 * The Zona Integritas report over every seeded case: timeline events are added for each
 * (verification started a day after submission, a first answer two days after, closing
 * for the closed states), then the whole statistics read model runs for the period that
 * holds all of them.
 */
async function statisticsBench() {
  const client = rawClient();
  const { computeStatistics } = await import('@/lib/stats/officer-stats');
  const { customPeriod } = await import('@/lib/stats/period');
  const started = performance.now();
  const ids = await client.execute('SELECT id, state, created_at FROM cases ORDER BY id');
  const batch: { sql: string; args: (string | number)[] }[] = [];
  const flush = async () => {
    if (batch.length) await client.batch(batch.splice(0), 'write');
  };
  // No text in these events; sealed = 1 says so to the start-up check.
  const insert = `INSERT INTO case_events (case_id, kind, from_state, to_state, created_at, sealed) VALUES (?, ?, ?, ?, ?, 1)`;
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
  say(`  statistics: timeline events seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const first = new Date(Number(ids.rows[0].created_at) * 1000 + 8 * 3600_000).toISOString().slice(0, 10);
  const last = new Date(Date.now() + 30 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  const period = customPeriod(first, last);
  await time('statistics', `statistics: the whole report for ${period.label}`, 5, () => computeStatistics(getDb(), period));
}

// ---------------------------------------------------------------- 2. the app under HTTP load

/** Resident memory of every process in a process group (a server and any child it forks), MB. */
function rssMb(pgid: number): number {
  let kb = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state, ppid, pgrp, …
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== pgid) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return kb / 1024;
}

/** Of a process group's resident memory, MB: anonymous (heaps: V8's, malloc's) and file-backed (the node binary, libraries). */
function rssSplitMb(pgid: number): { anon_mb: number | null; file_mb: number | null } {
  let anon = 0;
  let file = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== pgid) continue;
      const rollup = readFileSync(`/proc/${entry}/smaps_rollup`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
      anon += kb('Anonymous');
      file += kb('Rss') - kb('Anonymous');
    } catch {
      /* the process ended meanwhile */
    }
  }
  return { anon_mb: round(anon / 1024, 1), file_mb: round(file / 1024, 1) };
}

/** CPU time (user + system) of every process in a process group so far, ms. */
function cpuMs(pgid: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let ms = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const after = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
      if (Number(after[2]) !== pgid) continue;
      ms += (Number(after[11]) + Number(after[12])) * tick;
    } catch {
      /* the process ended meanwhile */
    }
  }
  return ms;
}

const WARM_ROUTES = ['/api/sehat', '/', '/lapor', '/status', '/petugas/masuk'];

/** Twenty sequential GETs of each public route: every route's code loaded, nothing more. */
async function warm(port: number) {
  for (const route of WARM_ROUTES) for (let i = 0; i < 20; i++) await send(port, route);
}

async function waitUntilUp(port: number, child: ChildProcess) {
  const until = Date.now() + 300_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await send(port, '/api/sehat')).status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not start');
}

async function stop(child: ChildProcess | undefined) {
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
}

/**
 * Next.js's own share of the memory: plain `next start` of the same build and database
 * (no scripts/serve.ts, no tsx), idle and after the same warm-up requests.
 */
async function nextBaseline() {
  const port = PORT + 1;
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'ignore'],
    detached: true,
  });
  try {
    await waitUntilUp(port, child);
    const idle = rssMb(child.pid!);
    await warm(port);
    const warmed = rssMb(child.pid!);
    emit({ name: 'rss_mb_plain_next_start', idle_mb: round(idle, 1), warm_mb: round(warmed, 1) });
    say(`  plain \`next start\` of the same build: ${idle.toFixed(0)} MB idle, ${warmed.toFixed(0)} MB after 20 requests to each of ${WARM_ROUTES.join(' ')}`);
  } finally {
    await stop(child);
  }
}

async function startServer(): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    HOSTNAME: '127.0.0.1',
    NEXT_TELEMETRY_DISABLED: '1',
    // The load process plays the reverse proxy in front of many reporters (scripts/bench/load.ts).
    TRUSTED_PROXY_HOPS: '1',
    APP_URL: ORIGIN,
  };
  // Exactly `npm start`'s command (its malloc settings included), without npm's own process;
  // one plain-JavaScript process once prepare's child has ended.
  // BENCH_SERVER_FLAGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  // BENCH_SERVER=next-start: the same build and settings under plain `next start` instead, to
  // see what Next.js itself holds after the same load (no client addresses there: use it
  // with BENCH_ONLY on the page scenarios, which no limit touches).
  const serve = process.env.BENCH_SERVER === 'next-start' ? `node_modules/next/dist/bin/next start -p ${PORT} -H 127.0.0.1` : 'scripts/start.mjs';
  const command = scripts.start.replace('node scripts/start.mjs', `node ${process.env.BENCH_SERVER_FLAGS ?? ''} ${serve}`);
  const server = spawn('sh', ['-c', command], { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  await waitUntilUp(PORT, server);
  return server;
}

/** Signs the bench officer in through the sign-in form (password and TOTP code), as a browser without JS. */
async function signIn(officer: Fixtures['officer']): Promise<string> {
  const { generate } = await import('otplib');
  const page = await send(PORT, '/petugas/masuk');
  const form = new FormData();
  for (const [name, value] of actionFields(page.body, 'email')) form.append(name, value);
  form.append('email', officer.email);
  form.append('password', officer.password);
  form.append('code', await generate({ secret: officer.totpSecret }));
  const { body, contentType } = await multipart(form);
  const reply = await send(PORT, '/petugas/masuk', { method: 'POST', body, headers: { 'content-type': contentType, origin: ORIGIN, cookie: cookiesOf(page) } });
  const cookie = cookiesOf(reply);
  if (!/authjs\.session-token/.test(cookie)) throw new Error(`sign-in failed (HTTP ${reply.status})`);
  return cookie;
}

async function lookupForm(html: string, ticket: string) {
  const form = new FormData();
  for (const [name, value] of actionFields(html, 'ticket')) form.append(name, value);
  form.append('ticket', ticket);
  return multipart(form);
}

async function reportForm(html: string, files: File[]) {
  const form = validReportForm({}, files);
  for (const [name, value] of actionFields(html, 'what')) form.append(name, value);
  return multipart(form);
}

/** A 1 MB photo (JPEG of noise, as incompressible as a real one), re-encoded by the server like any photo. */
async function photo(): Promise<File> {
  const { default: sharp } = await import('sharp');
  for (let side = 700; side < 2000; side += 50) {
    const bytes = await sharp({ create: { width: side, height: side, channels: 3, background: { r: 128, g: 128, b: 128 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg({ quality: 80 })
      .toBuffer();
    if (bytes.length >= 1_000_000) return new File([new Uint8Array(bytes)], 'foto-bukti.jpg', { type: 'image/jpeg' });
  }
  throw new Error('could not make a 1 MB photo');
}

let clientNet = 10;
const ms = (n: number | null) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(1) : '–');

async function runScenario(
  name: string,
  label: string,
  spec: Pick<Scenario, 'method' | 'path'> & Partial<Pick<Scenario, 'headers' | 'bodies' | 'expectStatus'>>,
): Promise<LoadResult> {
  const scenario: Scenario = {
    name,
    url: ORIGIN,
    headers: {},
    spreadClients: true,
    clientNet: clientNet++,
    connections: CONNECTIONS,
    seconds: SECONDS,
    warmupSeconds: 2,
    expectStatus: [200],
    ...spec,
  };
  const file = path.join(dataDir, `scenario-${name}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/load.ts', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`load process for ${name} exited with ${code}`);
  const result = JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult;
  say(
    `  ${label.padEnd(44)} ${result.rps.toFixed(0).padStart(5)} req/s · p50 ${ms(result.p50_ms)} · p95 ${ms(result.p95_ms)} · p99 ${ms(result.p99_ms)} ms` +
      `${result.unexpected || result.errors || result.timeouts ? ` · statuses ${JSON.stringify(result.statuses)} errors ${result.errors} timeouts ${result.timeouts}` : ''} (load ${load()})`,
  );
  return result;
}

async function httpBench(fixtures: Fixtures, server: ChildProcess) {
  say(`\n-- the app under HTTP load: ${CONNECTIONS} connections, ${SECONDS} s per scenario, load from a second process --`);
  const pid = server.pid!;
  const idle = rssMb(pid);
  await warm(PORT);
  const warmed = rssMb(pid);
  emit({ name: 'rss_mb_idle', rss_mb: round(idle, 1), warm_mb: round(warmed, 1) });
  say(`  server resident memory: ${idle.toFixed(0)} MB started and idle, ${warmed.toFixed(0)} MB after 20 requests to each of ${WARM_ROUTES.join(' ')}`);

  const officerCookie = await signIn(fixtures.officer);
  const statusHtml = (await send(PORT, '/status')).body;
  const threadLookup = await lookupForm(statusHtml, fixtures.threadTicket);
  const opened = await send(PORT, '/status', { method: 'POST', body: threadLookup.body, headers: { 'content-type': threadLookup.contentType, origin: ORIGIN } });
  const statusCookie = cookiesOf(opened);
  if (opened.status !== 303 || !statusCookie) throw new Error(`opening the status page failed (HTTP ${opened.status})`);

  const encode = (m: { body: Buffer; contentType: string }) => ({ base64: m.body.toString('base64'), contentType: m.contentType });
  const hits = await Promise.all(fixtures.tickets.slice(0, 2000).map(async (t) => encode(await lookupForm(statusHtml, t.toLowerCase().replace(/-/g, ' ')))));
  const misses = await Promise.all(Array.from({ length: 500 }, async () => encode(await lookupForm(statusHtml, generateTicket()))));
  const laporHtml = (await send(PORT, '/lapor')).body;
  const report = encode(await reportForm(laporHtml, []));
  const reportWithPhoto = encode(await reportForm(laporHtml, [await photo()]));
  const post = { method: 'POST' as const, headers: { origin: ORIGIN } };

  const results: [string, LoadResult][] = [];
  // BENCH_ONLY=name,name runs those scenarios alone (and the floor), e.g. under a profiler.
  const only = process.env.BENCH_ONLY?.split(',');
  // The server's CPU time per answered request: what a request costs, much less swayed
  // by other work on the machine than requests per second are.
  const cpuPerRequest = new Map<string, number>();
  const add = async (name: string, label: string, spec: Parameters<typeof runScenario>[2]) => {
    if (only && name !== 'floor' && !only.includes(name)) return;
    // Requests of the previous scenario still in flight would be counted here: settle first.
    for (let waited = 0, last = cpuMs(pid); waited < 15_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = cpuMs(pid);
      if (now - last < 20) break;
      last = now;
    }
    const before = cpuMs(pid);
    const result = await runScenario(name, label, spec);
    const perRequest = (cpuMs(pid) - before) / Math.max(1, result.answered);
    cpuPerRequest.set(name, perRequest);
    say(`    server CPU ${perRequest.toFixed(1)} ms per request · ${(result.bytes_per_response / 1024).toFixed(1)} KB per response`);
    results.push([name, result]);
  };
  await add('floor', 'floor: GET /api/sehat (one query)', { method: 'GET', path: '/api/sehat' });
  await add('ticket_lookup_hit', 'ticket lookup, found (POST /status, JS off)', { ...post, path: '/status', bodies: hits, expectStatus: [303] });
  await add('ticket_lookup_miss', 'ticket lookup, unknown (POST /status, JS off)', { ...post, path: '/status', bodies: misses });
  await add('report_submit', 'report without files (POST /lapor, JS off)', { ...post, path: '/lapor', bodies: [report], expectStatus: [303] });
  await add('report_submit_1mb', 'report with a 1 MB photo (POST /lapor)', { ...post, path: '/lapor', bodies: [reportWithPhoto], expectStatus: [303] });
  await add('inbox_first', 'officer inbox, first page (GET /petugas)', { method: 'GET', path: '/petugas', headers: { cookie: officerCookie } });
  await add('inbox_deep', 'officer inbox, page 1,001', {
    method: 'GET',
    path: `/petugas?setelah=${encodeURIComponent(fixtures.deepCursor)}`,
    headers: { cookie: officerCookie },
  });
  await add('case_page', 'officer case page', { method: 'GET', path: `/petugas/kasus/${fixtures.caseNumber}`, headers: { cookie: officerCookie } });
  await add('status_page_50_messages', 'status page, case with 50 messages', { method: 'GET', path: '/status', headers: { cookie: statusCookie } });

  const floor = results[0][1].rps;
  for (const [name, r] of results) {
    emit({
      name,
      rps: round(r.rps, 1),
      p50_ms: round(r.p50_ms),
      p95_ms: round(r.p95_ms),
      p99_ms: round(r.p99_ms),
      ratio_to_floor: round(r.rps / floor, 3),
      cpu_ms_per_request: round(cpuPerRequest.get(name) ?? null, 2),
      bytes_per_response: r.bytes_per_response,
      requests: r.requests,
      unexpected: r.unexpected,
      errors: r.errors,
      timeouts: r.timeouts,
    });
  }
  const after = rssMb(pid);
  const split = rssSplitMb(pid);
  emit({ name: 'rss_mb_after', rss_mb: round(after, 1), idle_mb: round(idle, 1), warm_mb: round(warmed, 1), ...split });
  say(`  server resident memory after the load: ${after.toFixed(0)} MB (idle ${idle.toFixed(0)} MB; ${split.anon_mb} MB anonymous, ${split.file_mb} MB file-backed)`);
  // What of it is held, and what V8 gives back once the load stops (its memory reducer runs when idle).
  await new Promise((resolve) => setTimeout(resolve, 30_000));
  const settled = rssMb(pid);
  emit({ name: 'rss_mb_after_idle_30s', rss_mb: round(settled, 1), ...rssSplitMb(pid) });
  say(`  server resident memory 30 s after the load: ${settled.toFixed(0)} MB`);
  const ratio = (n: string) => (results.find(([k]) => k === n)?.[1].rps ?? NaN) / floor;
  const p95 = (n: string) => results.find(([k]) => k === n)?.[1].p95_ms ?? null;
  say('  targets (issue 11):');
  say(`    ticket lookup ≥ 0.7 × floor, p95 < 100 ms: ${ratio('ticket_lookup_hit').toFixed(2)} ×, p95 ${ms(p95('ticket_lookup_hit'))} ms`);
  say(`    report without files ≥ 0.5 × floor: ${ratio('report_submit').toFixed(2)} ×`);
  say(`    inbox first / deep / case page p95 < 150 ms: ${ms(p95('inbox_first'))} / ${ms(p95('inbox_deep'))} / ${ms(p95('case_page'))} ms`);
  say(`    resident memory after < 300 MB: ${after.toFixed(0)} MB`);
}

// ---------------------------------------------------------------- 3. pages

async function pageBench() {
  say('\n-- public pages: compressed bytes on a first visit (gzip, as served) --');
  const bundleStats = existsSync('.next/diagnostics/route-bundle-stats.json')
    ? (JSON.parse(readFileSync('.next/diagnostics/route-bundle-stats.json', 'utf8')) as { route: string; firstLoadUncompressedJsBytes: number }[])
    : [];
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const route of ['/', '/lapor', '/status']) {
    const html = await send(PORT, route);
    const css = [...html.body.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
    // noModule scripts (legacy polyfills) are never fetched by current browsers.
    const js = [
      ...new Set(
        [...html.body.matchAll(/<script([^>]+)>/g)]
          .filter((m) => !/noModule/i.test(m[1]))
          .map((m) => m[1].match(/src="([^"]+)"/)?.[1])
          .filter(Boolean) as string[],
      ),
    ];
    let cssBytes = 0;
    for (const href of css) cssBytes += (await send(PORT, href)).bytes;
    let jsBytes = 0;
    for (const src of js) jsBytes += (await send(PORT, src)).bytes;
    const uncompressed = bundleStats.find((s) => s.route === route)?.firstLoadUncompressedJsBytes;
    const page = route === '/' ? 'home' : route.slice(1);
    emit({ name: `${page}_html`, bytes_gz: html.bytes });
    emit({ name: `${page}_css`, bytes_gz: cssBytes });
    emit({ name: `${page}_critical_path`, bytes_gz: html.bytes + cssBytes });
    emit({ name: `${page}_js`, bytes_gz: jsBytes, files: js.length });
    emit({ name: `${page}_first_visit`, bytes_gz: html.bytes + cssBytes + jsBytes });
    say(
      `  ${route.padEnd(8)} HTML ${kb(html.bytes)} + CSS ${css.length ? kb(cssBytes) : '(inline in the HTML)'} = critical path ${kb(html.bytes + cssBytes)} · JS ${kb(jsBytes)} in ${js.length} files` +
        `${uncompressed ? ` (${kb(uncompressed)} uncompressed)` : ''} · first visit ${kb(html.bytes + cssBytes + jsBytes)}`,
    );
  }

  const { measurePaint } = await import('./bench/lcp');
  say(`\n-- /lapor in throttled Chromium, 360 px, cold cache, median of ${LCP_RUNS} (load ${load()}) --`);
  const figures = await measurePaint(`${ORIGIN}/lapor`, { runs: LCP_RUNS });
  for (const profile of [...new Set(figures.map((f) => f.profile))]) {
    const off = figures.find((f) => f.profile === profile && !f.javaScript)!.figure;
    const on = figures.find((f) => f.profile === profile && f.javaScript)!.figure;
    emit({ name: `lapor_js_off_${profile.name}`, lcp_ms: off.lcp_ms, usable_ms: off.usable_ms });
    emit({ name: `lapor_js_on_${profile.name}`, lcp_ms: on.lcp_ms, usable_ms: on.usable_ms, scripts_loaded_ms: on.load_ms, lcp_ratio_to_js_off: round(on.lcp_ms / off.lcp_ms) });
    const s = (n: number) => `${(n / 1000).toFixed(2)} s`;
    say(
      `  ${`${profile.kbps} Kbps / ${profile.rttMs} ms`.padEnd(20)} JS off: LCP ${s(off.lcp_ms)}, usable ${s(off.usable_ms)} · JS on: LCP ${s(on.lcp_ms)}, usable ${s(on.usable_ms)}, scripts loaded ${s(on.load_ms)} · LCP on/off ${(on.lcp_ms / off.lcp_ms).toFixed(2)} ×`,
    );
  }
}

// ---------------------------------------------------------------- main

let server: ChildProcess | undefined;
try {
  const fixtures = await seedAndTime();
  closeDb();
  if (process.env.BENCH_HTTP !== '0' || process.env.BENCH_PAGES !== '0') {
    say(`\nstarting the app on ${ORIGIN} (scripts/start.ts; builds first if the build is stale)…`);
    server = await startServer();
    if (process.env.BENCH_HTTP !== '0') await httpBench(fixtures, server);
    if (process.env.BENCH_PAGES !== '0') await pageBench();
    await stop(server);
    if (process.env.BENCH_HTTP !== '0') await nextBaseline();
  }
} catch (error) {
  say(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await stop(server);
  // BENCH_KEEP=1 leaves the seeded database for a closer look (its folder is printed).
  if (process.env.BENCH_KEEP === '1') say(`data kept in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
}
