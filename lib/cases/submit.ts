import { sql } from 'drizzle-orm';
import type { Database, DbTransaction } from '@/lib/db/client';
import { attachments, caseCounters, caseEvents, cases, reportedParties } from '@/lib/db/schema';
import { ticketKey } from '@/lib/env';
import { getBlobStore, type BlobStore } from '@/lib/storage';
import { attachmentRows, storePreparedFiles } from './attachments';
import { createCaseKey, SEAL_PENDING, sealRow } from './case-crypto';
import { newCaseKey } from '@/lib/crypto/case-keys';
import type { PreparedFile } from '@/lib/storage/evidence';
import { spamScore, QUARANTINE_THRESHOLD } from '@/lib/security/spam';
import { officeYear } from '@/lib/office-time';
import { dueFields } from './due';
import { notifyOfficers } from './notify';
import { identityJson } from './reporter-identity';
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
  /** Runs first inside the report's transaction (claiming files sent ahead); a throw rolls it all back. */
  inTransaction?: (tx: DbTransaction) => Promise<void>;
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

  // The case key exists before the case: its evidence is stored encrypted under it first.
  const caseKey = newCaseKey();
  const { stored, discard } = await storePreparedFiles(store, files, caseKey);
  try {
    const { identity } = report;

    const due = await dueFields(db, { state: 'received', createdAt: now });
    return await db.transaction(async (tx) => {
      await options.inTransaction?.(tx);
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
          what: SEAL_PENDING,
          whereText: SEAL_PENDING,
          whenText: SEAL_PENDING,
          whenDate: report.whenDate ?? null,
          whoText: SEAL_PENDING,
          howText: SEAL_PENDING,
          anonymous: identity.anonymous,
          reporterIdentityEnc: null,
          reporterEmailConsent: !identity.anonymous && identity.emailConsent && Boolean(identity.email),
          spamScore: score,
          quarantined,
          ...due,
          stateChangedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: cases.id });
      const cipher = await createCaseKey(tx, created.id, now, caseKey);
      await sealRow(tx, cipher, cases, created.id, {
        what: report.what,
        whereText: report.where,
        whenText: report.whenText,
        whoText: report.who,
        howText: report.how,
        // The same sealing as reporter-identity.ts: JSON under the case key, bound to this row.
        reporterIdentityEnc: identity.anonymous
          ? null
          : identityJson({ name: identity.name, phone: identity.phone, email: identity.email, address: identity.address }),
      });

      if (report.parties.length > 0) {
        const partyRows = await tx.insert(reportedParties).values(
          report.parties.map((party, index) => ({
            caseId: created.id,
            name: null,
            position: null,
            workUnit: null,
            sortOrder: index,
          })),
        ).returning({ id: reportedParties.id });
        // Ids grow in insertion order; RETURNING's own order is not promised.
        partyRows.sort((x, y) => x.id - y.id);
        for (const [index, party] of report.parties.entries()) {
          await sealRow(tx, cipher, reportedParties, partyRows[index].id, {
            name: party.name ?? null,
            position: party.position ?? null,
            workUnit: party.workUnit ?? null,
          });
        }
      }

      if (stored.length > 0) await tx.insert(attachments).values(attachmentRows(stored, created.id, null, now, cipher));

      // Likely spam waits in quarantine without mailing every officer.
      if (!quarantined) await notifyOfficers(tx, 'new_report', caseNumber, now);

      const [event] = await tx.insert(caseEvents).values({
        caseId: created.id,
        kind: 'submitted',
        toState: 'received',
        publicNote: SEAL_PENDING,
        visibleToReporter: true,
        createdAt: now,
      }).returning({ id: caseEvents.id });
      await sealRow(tx, cipher, caseEvents, event.id, {
        publicNote: 'Laporan Anda telah diterima dan menunggu diperiksa oleh petugas.',
      });

      return { ticket, caseNumber, caseId: created.id, quarantined };
    });
  } catch (error) {
    await discard();
    throw error;
  }
}
