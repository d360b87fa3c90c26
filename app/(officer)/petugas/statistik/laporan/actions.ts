'use server';

import { revalidatePath } from 'next/cache';
import { officerAction } from '@/lib/auth/session';
import { EVALUATION_LABELS, saveEvaluation, saveEvaluationSchema } from '@/lib/stats/evaluations';

/** Saves one written section of the report; officerAction re-checks the admin role. */
const save = officerAction(
  saveEvaluationSchema,
  async (input, { db, officer }) => {
    await saveEvaluation(db, officer, input);
    revalidatePath('/petugas/statistik/laporan');
    return { message: `${EVALUATION_LABELS[input.section]} tersimpan.` };
  },
  { role: 'admin' },
);

export async function saveEvaluationAction(...args: Parameters<typeof save>) {
  return save(...args);
}
