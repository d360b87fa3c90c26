import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '@/lib/audit/log';
import type { AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { cases, summons, summonsResponses, type Summons } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { analyzeSpam } from '@/lib/security/spam';
import { loadCaseCipher, SEAL_PENDING, sealRow, type CaseCipher } from '../case-crypto';
import { notifyOfficers } from '../notify';
import {
  SUMMONS_RESPONSE_KINDS,
  SUMMONS_RESPONSE_LABELS,
  SUMMONS_RESPONSE_TEXT_MIN,
  summonsResponseCheck,
  type SummonsResponseKind,
} from '../summons-rules';
import { isFinal } from '../workflow';
import { mailsOfficers } from './messages';
import { recordEvent, touchCase } from './common';

/**
 * The reporter's answer to a summons addressed to them, from /status: they will come,
 * cannot come, ask for another time (with a reason), or answer the agenda in writing
 * instead of attending. The case id comes from the reporter's status session (the ticket
 * was proven); nothing here asks who they are, so an anonymous reporter stays anonymous.
 */

/** How many responses one summons takes: enough to change one's mind, not a channel to flood. */
export const MAX_RESPONSES_PER_SUMMONS = 5;

export const summonsResponseSchema = z
  .object({
    summonsId: z.coerce.number({ error: 'Undangan tidak ditemukan.' }).int().positive('Undangan tidak ditemukan.'),
    kind: z.enum(SUMMONS_RESPONSE_KINDS, { error: 'Pilih salah satu tanggapan.' }),
    body: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() : ''),
      z.string().max(5000, 'Tulisan terlalu panjang (maksimal 5000 karakter).'),
    ),
  })
  .superRefine((value, ctx) => {
    const min = SUMMONS_RESPONSE_TEXT_MIN[value.kind];
    if (min > 0 && value.body.length < min) {
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message:
          value.kind === 'written'
            ? `Tuliskan jawaban Anda atas agenda undangan (minimal ${min} karakter).`
            : `Tuliskan alasan dan waktu yang Anda usulkan (minimal ${min} karakter).`,
      });
    }
  });

export type SummonsResponseInput = z.infer<typeof summonsResponseSchema>;

const PUBLIC_NOTES: Record<SummonsResponseKind, string> = {
  confirm: 'Anda mengonfirmasi akan hadir memenuhi undangan klarifikasi.',
  decline: 'Anda menyatakan tidak dapat hadir memenuhi undangan klarifikasi.',
  another_time: 'Anda meminta waktu lain untuk undangan klarifikasi.',
  written: 'Anda menjawab undangan klarifikasi secara tertulis.',
};

/** Records the reporter's response: one transaction with the event, audit row and officers' email. */
export async function respondToSummons(db: Database, caseId: number, input: SummonsResponseInput, now: Date = new Date()): Promise<void> {
  const [row] = await db
    .select({ id: summons.id, role: summons.role, status: summons.status, scheduledAt: summons.scheduledAt, state: cases.state, caseNumber: cases.caseNumber, quarantined: cases.quarantined })
    .from(summons)
    .innerJoin(cases, eq(cases.id, summons.caseId))
    // Scoped to the reporter's own case: another case's summons id is simply not found.
    .where(and(eq(summons.id, input.summonsId), eq(summons.caseId, caseId)))
    .limit(1);
  if (!row || row.role !== 'pelapor') {
    throw new AppError('summons_not_found', { userMessage: 'Undangan tidak ditemukan. Muat ulang halaman.' });
  }
  const verdict = summonsResponseCheck(row, !isFinal(row.state), now);
  if (!verdict.ok) throw new AppError('summons_response_closed', { userMessage: verdict.message });
  const body = SUMMONS_RESPONSE_TEXT_MIN[input.kind] > 0 || input.body !== '' ? input.body : null;

  await db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(summonsResponses).where(eq(summonsResponses.summonsId, row.id));
    if (n >= MAX_RESPONSES_PER_SUMMONS) {
      throw new AppError('summons_response_closed', {
        userMessage: 'Anda sudah beberapa kali menanggapi undangan ini. Bila ada perubahan lagi, kirim pesan kepada petugas.',
      });
    }
    const [created] = await tx
      .insert(summonsResponses)
      .values({ caseId, summonsId: row.id, kind: input.kind, body: body === null ? null : SEAL_PENDING, createdAt: now })
      .returning({ id: summonsResponses.id });
    await sealRow(tx, await loadCaseCipher(tx, caseId), summonsResponses, created.id, { body });
    await recordEvent(tx, {
      caseId,
      kind: 'summons_response',
      officerId: null,
      publicNote: PUBLIC_NOTES[input.kind],
      internalNote: `Tanggapan pelapor atas pemanggilan: ${SUMMONS_RESPONSE_LABELS[input.kind]}`,
      now,
    });
    const spamScore = body ? analyzeSpam({ texts: [body] }).score : 0;
    const mail = mailsOfficers(row, spamScore);
    if (mail) await notifyOfficers(tx, 'reporter_message', row.caseNumber, now);
    await appendAudit(tx, {
      officerId: null,
      action: 'case.summons_response',
      caseId,
      detail: { summonsId: row.id, responseId: created.id, kind: input.kind, ...(mail ? {} : { officersMailed: false }) },
      at: now,
    });
    await touchCase(tx, caseId, now);
  });
}

export type SummonsResponseItem = { kind: SummonsResponseKind; label: string; body: string | null; at: Date };

/** Every response to the given summons of one case, oldest first, opened with the case key. */
export async function loadSummonsResponses(
  db: Database,
  caseId: number,
  summonsIds: number[],
  cipher?: CaseCipher,
): Promise<Map<number, SummonsResponseItem[]>> {
  const byId = new Map<number, SummonsResponseItem[]>();
  if (summonsIds.length === 0) return byId;
  const rows = await db
    .select()
    .from(summonsResponses)
    .where(and(eq(summonsResponses.caseId, caseId), inArray(summonsResponses.summonsId, summonsIds)))
    .orderBy(asc(summonsResponses.createdAt), asc(summonsResponses.id));
  if (rows.length === 0) return byId;
  const key = cipher ?? (await loadCaseCipher(db, caseId));
  for (const row of rows) {
    const list = byId.get(row.summonsId) ?? [];
    list.push({ kind: row.kind, label: SUMMONS_RESPONSE_LABELS[row.kind], body: key.open(summonsResponses.body, row.id, row.body), at: row.createdAt });
    byId.set(row.summonsId, list);
  }
  return byId;
}

export type ReporterSummonsItem = {
  id: number;
  scheduledAt: Date;
  place: string;
  agenda: string;
  /** The reporter may still respond (scheduled, case open, before the meeting). */
  canRespond: boolean;
  responses: SummonsResponseItem[];
};

/**
 * The reporter's current summons (scheduled ones not replaced by a newer one) with their
 * responses, for the /status component. Reads only summons addressed to the reporter.
 */
export async function loadReporterSummons(db: Database, caseId: number, now: Date = new Date()): Promise<ReporterSummonsItem[]> {
  const [caseRow] = await db.select({ state: cases.state }).from(cases).where(eq(cases.id, caseId)).limit(1);
  if (!caseRow) return [];
  const rows: Pick<Summons, 'id' | 'status' | 'role' | 'scheduledAt' | 'place' | 'agenda'>[] = await db
    .select({ id: summons.id, status: summons.status, role: summons.role, scheduledAt: summons.scheduledAt, place: summons.place, agenda: summons.agenda })
    .from(summons)
    .where(and(eq(summons.caseId, caseId), eq(summons.role, 'pelapor'), eq(summons.status, 'scheduled')))
    .orderBy(asc(summons.scheduledAt), asc(summons.id));
  if (rows.length === 0) return [];
  const cipher = await loadCaseCipher(db, caseId);
  const responses = await loadSummonsResponses(db, caseId, rows.map((r) => r.id), cipher);
  const open = !isFinal(caseRow.state);
  return rows.map((row) => ({
    id: row.id,
    scheduledAt: row.scheduledAt,
    place: cipher.open(summons.place, row.id, row.place),
    agenda: cipher.open(summons.agenda, row.id, row.agenda),
    canRespond: summonsResponseCheck(row, open, now).ok,
    responses: responses.get(row.id) ?? [],
  }));
}

/**
 * The reporter's responses to one summons, for the officer's case page. Takes the
 * AuthorizedOfficer like every officer read model; the page has loaded the case for
 * this officer already (so access to the case was decided there).
 */
export async function loadResponsesForOfficer(
  db: Database,
  _officer: AuthorizedOfficer,
  caseId: number,
  summonsId: number,
): Promise<SummonsResponseItem[]> {
  return (await loadSummonsResponses(db, caseId, [summonsId])).get(summonsId) ?? [];
}
