import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '@/lib/audit/log';
import { forbidden, type AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { EVALUATION_SECTIONS, officers, wbsEvaluations } from '@/lib/db/schema';

/**
 * The two sections of the Zona Integritas report that admins write per period: "Hasil
 * evaluasi" and "Tindak lanjut hasil evaluasi" (the evaluation sheet's second and third
 * questions). Kept per period key, with who wrote each and when; every save is audited
 * (section and length only — the text stays out of the permanent log).
 */

export type EvaluationSection = (typeof EVALUATION_SECTIONS)[number];

export const EVALUATION_LABELS: Record<EvaluationSection, string> = {
  hasil_evaluasi: 'Hasil evaluasi',
  tindak_lanjut: 'Tindak lanjut hasil evaluasi',
};

export const saveEvaluationSchema = z.object({
  periodKey: z.string().regex(/^[0-9T_-]{4,21}$/, 'Periode tidak dikenali. Muat ulang halaman.'),
  section: z.enum(EVALUATION_SECTIONS, { error: 'Bagian laporan tidak dikenali.' }),
  body: z
    .string({ error: 'Isi bagian ini.' })
    .trim()
    .min(10, 'Tulis paling sedikit 10 karakter.')
    .max(10_000, 'Terlalu panjang (maksimal 10.000 karakter).'),
});
export type SaveEvaluationInput = z.infer<typeof saveEvaluationSchema>;

export type EvaluationEntry = { section: EvaluationSection; body: string; authorName: string; updatedAt: Date };

function assertAdmin(officer: AuthorizedOfficer): void {
  if (officer.role !== 'admin') throw forbidden();
}

/** Saves (or replaces) one section for a period, with its author; admins only. */
export async function saveEvaluation(db: Database, officer: AuthorizedOfficer, input: SaveEvaluationInput): Promise<void> {
  assertAdmin(officer);
  const { periodKey, section, body } = saveEvaluationSchema.parse(input);
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .insert(wbsEvaluations)
      .values({ periodKey, section, body, officerId: officer.id, updatedAt: now })
      .onConflictDoUpdate({ target: [wbsEvaluations.periodKey, wbsEvaluations.section], set: { body, officerId: officer.id, updatedAt: now } });
    await appendAudit(tx, { officerId: officer.id, action: 'evaluation.save', detail: { period: periodKey, section, length: body.length } });
  });
}

/** The sections written for a period (officers and admins may read them). */
export async function loadEvaluations(db: Database, officer: AuthorizedOfficer, periodKey: string): Promise<Partial<Record<EvaluationSection, EvaluationEntry>>> {
  if (officer.role !== 'officer' && officer.role !== 'admin') throw forbidden();
  const rows = await db
    .select({ section: wbsEvaluations.section, body: wbsEvaluations.body, authorName: officers.name, updatedAt: wbsEvaluations.updatedAt })
    .from(wbsEvaluations)
    .innerJoin(officers, eq(officers.id, wbsEvaluations.officerId))
    .where(and(eq(wbsEvaluations.periodKey, periodKey), inArray(wbsEvaluations.section, [...EVALUATION_SECTIONS])));
  return Object.fromEntries(rows.map((row) => [row.section, row]));
}
