import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { attachments, caseCounters, caseEvents, cases, reportedParties } from '@/lib/db/schema';
import { ticketKey } from '@/lib/env';
import { getBlobStore, type BlobStore } from '@/lib/storage';
import { attachmentRows, storePreparedFiles } from './attachments';
import type { PreparedFile } from '@/lib/storage/evidence';
import { spamScore, QUARANTINE_THRESHOLD } from '@/lib/security/spam';
import { officeYear } from '@/lib/office-time';
import { dueFields } from './due';
import { notifyOfficers } from './notify';
import { encryptIdentity } from './reporter-identity';
import { generateTicket, hashTicket } from './ticket';
import type { ReportInput } from './schemas';
import { formatCaseNumber } from './case-number';


export type SubmitReportOptions = {
  report: ReportInput;
  categoryId: number;
  files: PreparedFile[];
  /** The hidden honeypot field: filled only by bots. */
  honeypot?: string | null;
  store?: BlobStore;
  now?: Date;
};

export type SubmittedReport = { ticket: string; caseNumber: string; caseId: number; quarantined: boolean };

/**
 * Stores a validated report: encrypted evidence first, then the case, its reported
 * persons, attachments and first timeline event in one transaction. If anything
 * fails, the transaction rolls back and every file written for it is removed, so a
 * failure leaves neither a half case nor an orphan file.
 */
export async function submitReport(db: Database, options: SubmitReportOptions): Promise<SubmittedReport> {
  const { report, files } = options;
  const store = options.store ?? getBlobStore();
  const now = options.now ?? new Date();
  const ticket = generateTicket();
  const ticketHash = hashTicket(ticket, ticketKey())!;
  const score = spamScore({
    texts: [report.what, report.where, report.whenText, report.who, report.how, ...report.parties.flatMap((p) => [p.name ?? '', p.position ?? '', p.workUnit ?? ''])],
    honeypot: options.honeypot,
  });
  const quarantined = score >= QUARANTINE_THRESHOLD;

  const { stored, discard } = await storePreparedFiles(store, files);
  try {
    const { identity } = report;
    const identityEnc = identity.anonymous
      ? null
      : encryptIdentity({ name: identity.name, phone: identity.phone, email: identity.email, address: identity.address }, ticketHash);

    const due = await dueFields(db, { state: 'received', createdAt: now });
    return await db.transaction(async (tx) => {
      const year = officeYear(now);
      const [counter] = await tx
        .insert(caseCounters)
        .values({ year, last: 1 })
        .onConflictDoUpdate({ target: caseCounters.year, set: { last: sql`${caseCounters.last} + 1` } })
        .returning({ last: caseCounters.last });
      const caseNumber = formatCaseNumber(year, counter.last);

      const [created] = await tx
        .insert(cases)
        .values({
          caseNumber,
          ticketHash,
          state: 'received',
          categoryId: options.categoryId,
          what: report.what,
          whereText: report.where,
          whenText: report.whenText,
          whenDate: report.whenDate ?? null,
          whoText: report.who,
          howText: report.how,
          anonymous: identity.anonymous,
          reporterIdentityEnc: identityEnc,
          reporterEmailConsent: !identity.anonymous && identity.emailConsent && Boolean(identity.email),
          spamScore: score,
          quarantined,
          ...due,
          stateChangedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: cases.id });

      if (report.parties.length > 0) {
        await tx.insert(reportedParties).values(
          report.parties.map((party, index) => ({
            caseId: created.id,
            name: party.name ?? null,
            position: party.position ?? null,
            workUnit: party.workUnit ?? null,
            sortOrder: index,
          })),
        );
      }

      if (stored.length > 0) await tx.insert(attachments).values(attachmentRows(stored, created.id, null, now));

      // Likely spam waits in quarantine without mailing every officer.
      if (!quarantined) await notifyOfficers(tx, 'new_report', caseNumber, now);

      await tx.insert(caseEvents).values({
        caseId: created.id,
        kind: 'submitted',
        toState: 'received',
        publicNote: 'Laporan Anda telah diterima dan menunggu diperiksa oleh petugas.',
        visibleToReporter: true,
        createdAt: now,
      });

      return { ticket, caseNumber, caseId: created.id, quarantined };
    });
  } catch (error) {
    await discard();
    throw error;
  }
}
