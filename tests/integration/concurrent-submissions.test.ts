import { expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import { cases } from '@/lib/db/schema';
import { freshDatabase } from '../support/db';
import { pdfFile, validReportForm } from '../support/forms';

// A local libSQL file waits for its lock synchronously: without the per-process write
// queue in lib/db/client.ts, concurrent transactions stall the event loop and fail busy.
it('20 reports submitted at the same moment are all stored, none waits on a lock', async () => {
  const { db } = await freshDatabase();
  const started = Date.now();
  const results = await Promise.all(
    Array.from({ length: 20 }, () => handleReportSubmission(db, validReportForm({}, [pdfFile()]))),
  );
  expect(results.every((r) => r.ok)).toBe(true);
  const [{ n }] = await db.select({ n: count() }).from(cases);
  expect(n).toBe(20);
  const numbers = new Set(results.map((r) => (r.ok ? r.submitted.caseNumber : '')));
  expect(numbers.size).toBe(20);
  // Generous bound: lock stalls show as the 5 s busy timeout.
  expect(Date.now() - started).toBeLessThan(4000);
});
