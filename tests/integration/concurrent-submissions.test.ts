import { expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import { cases } from '@/lib/db/schema';
import { freshDatabase } from '../support/db';
import { validReportForm } from '../support/forms';

// A text file, not a PDF: this is about database locks, and cleaning 20 PDFs at once
// (lib/storage/metadata/pdf.ts, two workers) is CPU work the bound below does not allow for.
const textFile = () => new File(['Catatan kejadian.'], 'catatan.txt', { type: 'text/plain' });

// A local libSQL file waits for its lock synchronously: without the per-process write
// queue in lib/db/client.ts, concurrent transactions stall the event loop and fail busy.
it('20 reports submitted at the same moment are all stored, none waits on a lock', async () => {
  const { db } = await freshDatabase();
  const started = Date.now();
  const results = await Promise.all(
    Array.from({ length: 20 }, () => handleReportSubmission(db, validReportForm({}, [textFile()]))),
  );
  expect(results.every((r) => r.ok)).toBe(true);
  const [{ n }] = await db.select({ n: count() }).from(cases);
  expect(n).toBe(20);
  const numbers = new Set(results.map((r) => (r.ok ? r.submitted.caseNumber : '')));
  expect(numbers.size).toBe(20);
  // Generous bound: lock stalls show as the 5 s busy timeout.
  expect(Date.now() - started).toBeLessThan(4000);
});
