import { getRetentionPolicy, runRetention } from '@/lib/cases/retention';
import { policyActive } from '@/lib/cases/retention-rules';
import { runOnDatabase } from './run-on-database';

/**
 * `npm run retention:run`: one retention pass (lib/cases/retention.ts), for a cron job or
 * by hand. Each app instance also runs it hourly by itself; running this beside them is
 * safe (each case is claimed in the database) and it resumes whatever a stopped run left.
 * Prints counts only, never a case's content.
 */
runOnDatabase(
  'retention',
  'run',
  async (db) => {
    const policy = await getRetentionPolicy(db);
    if (!policyActive(policy)) {
      console.log(
        policy.months === null
          ? '[retention] off: no retention period is set (admin page: Pengaturan → Retensi isi kasus).'
          : '[retention] not confirmed: an admin has to confirm the period after its preview.',
      );
    }
    const result = await runRetention(db, {
      onBatch: (n) => console.log(`[retention] ... ${n} cases erased`),
    });
    console.log(`[retention] done: ${result.erased} cases erased, evidence files of ${result.filesPurged} erased cases deleted.`);
  },
  (error) => error.message,
);
