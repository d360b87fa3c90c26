/**
 * `npm run audit:verify`: recomputes the whole audit chain (every row since the first)
 * and, when it is intact, records a keyed checkpoint so the audit page's own check
 * starts from there. Exits 1 when the chain is broken. Run it from cron (e.g. nightly)
 * with the same DATA_DIR / DATABASE_URL and secrets as the app.
 */
import { performance } from 'node:perf_hooks';
import { verifyAuditChainAndCheckpoint } from '@/lib/audit/log';
import { closeDb, getDb } from '@/lib/db/client';

const started = performance.now();
const result = await verifyAuditChainAndCheckpoint(getDb());
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (result.intact) {
  console.log(`[wbs] audit chain intact: ${result.rows} rows, last hash ${result.lastHash} (${seconds} s); checkpoint recorded`);
} else {
  console.error(`[wbs] audit chain BROKEN at row #${result.brokenAtId} (${result.reason}) (${seconds} s)`);
}
closeDb();
process.exit(result.intact ? 0 : 1);
