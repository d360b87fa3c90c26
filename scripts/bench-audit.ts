/**
 * `npx tsx scripts/bench-audit.ts`: what an audit page view costs with a long log.
 * Seeds AUDIT_ROWS (default 1,000,000) chained rows into a fresh libSQL file, then times
 * - the full verification (what every view cost before checkpoints, and what
 *   `npm run audit:verify` costs),
 * - a view with no checkpoint yet (bounded: 5,000 rows),
 * - a view after a checkpoint, with 0 and with 100 rows appended since: what a view costs.
 * Everything stays in a temp folder on this machine.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROWS = Number(process.env.AUDIT_ROWS ?? 1_000_000);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wbs-bench-audit-'));
process.env.DATA_DIR = dataDir;
process.env.DATABASE_URL = `file:${path.join(dataDir, 'wbs.db')}`;
for (const name of ['AUTH_SECRET', 'DATA_ENCRYPTION_KEY', 'TICKET_HMAC_KEY']) process.env[name] = randomBytes(32).toString('base64');

const { getDb, closeDb } = await import('@/lib/db/client');
const { applyMigrations } = await import('@/lib/db/migrate');
const { ensureDefaults } = await import('@/lib/db/seed');
const { GENESIS_HASH, appendAudit, auditHash, verifyAuditChainAndCheckpoint } = await import('@/lib/audit/log');
const { loadAuditPage } = await import('@/lib/admin/audit-view');
const { officers, auditCheckpoints } = await import('@/lib/db/schema');

const db = getDb();
const client = (globalThis as unknown as { __wbsDb: { client: import('@libsql/client').Client } }).__wbsDb.client;
await applyMigrations(db, client);
await ensureDefaults(db);
const [admin] = await db.insert(officers).values({ email: 'admin@bench.test', name: 'Admin', passwordHash: 'x', role: 'admin' }).returning();
const { authorizeOfficer } = await import('@/lib/auth/guard');
// TOTP enrolled so the guard treats the bench admin as fully activated.
await db.update(officers).set({ totpEnabled: true }).where((await import('drizzle-orm')).eq(officers.id, admin.id));
const actor = await authorizeOfficer(db, { id: String(admin.id), role: 'admin' }, 'admin');

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

// Seed: the chain computed here, inserted 500 rows per statement in write transactions.
const seedStarted = performance.now();
let prevHash = GENESIS_HASH;
const base = Date.UTC(2026, 0, 1) / 1000;
for (let start = 1; start <= ROWS; start += 50_000) {
  const tx = await client.transaction('write');
  for (let chunk = start; chunk < Math.min(start + 50_000, ROWS + 1); chunk += 500) {
    const args: (string | number | null)[] = [];
    const tuples: string[] = [];
    for (let i = chunk; i < Math.min(chunk + 500, ROWS + 1); i++) {
      const fields = { at: new Date((base + i) * 1000), officerId: admin.id, action: 'case.view', caseId: null, detail: { seq: i } };
      const hash = auditHash(prevHash, fields);
      tuples.push('(?, ?, ?, ?, ?, ?, ?)');
      args.push(base + i, admin.id, 'case.view', null, JSON.stringify({ seq: i }), prevHash, hash);
      prevHash = hash;
    }
    await tx.execute({ sql: `INSERT INTO audit_log (at, officer_id, action, case_id, detail, prev_hash, hash) VALUES ${tuples.join(',')}`, args });
  }
  await tx.commit();
}
console.log(`seeded ${ROWS.toLocaleString('en')} audit rows in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

const ms = (n: number) => `${n.toFixed(1)} ms`;

const [firstView, firstMs] = await timed(() => loadAuditPage(db, actor, {}));
console.log(`view with no checkpoint yet (checks at most 5,000 rows): ${ms(firstMs)} · intact=${firstView.chain.intact} pending=${firstView.pending}`);

const [full, fullMs] = await timed(() => verifyAuditChainAndCheckpoint(db));
console.log(`full verification of ${ROWS.toLocaleString('en')} rows (each view's cost before checkpoints; npm run audit:verify): ${ms(fullMs)} · intact=${full.intact}`);

const samples: number[] = [];
for (let i = 0; i < 20; i++) samples.push((await timed(() => loadAuditPage(db, actor, {})))[1]);
samples.sort((a, b) => a - b);
console.log(`view after a checkpoint, nothing new: median ${ms(samples[10])}, max ${ms(samples[19])} (20 views)`);

const withNew: number[] = [];
for (let i = 0; i < 10; i++) {
  for (let j = 0; j < 100; j++) await appendAudit(db, { officerId: admin.id, action: 'case.view', detail: { j } });
  withNew.push((await timed(() => loadAuditPage(db, actor, {})))[1]);
}
withNew.sort((a, b) => a - b);
console.log(`view after 100 new rows since the last view: median ${ms(withNew[5])}, max ${ms(withNew[9])} (10 views)`);

const [older, olderMs] = await timed(() => loadAuditPage(db, actor, { beforeId: Math.floor(ROWS / 2) }));
console.log(`view of an old page (row ${Math.floor(ROWS / 2)}): ${ms(olderMs)} · intact=${older.chain.intact}`);
const checkpoints = await db.select().from(auditCheckpoints);
console.log(`checkpoints written: ${checkpoints.length}`);

closeDb();
rmSync(dataDir, { recursive: true, force: true });
