'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { asAdmin } from '@/lib/auth/guard';
import { officerAction } from '@/lib/auth/session';
import {
  assignOfficer,
  assignSchema,
  caseOnlySchema,
  declareRecusal,
  recusalSchema,
  restrictionSchema,
  setCaseRestriction,
  takeCase,
  unassignOfficer,
} from '@/lib/cases/assignment';

/*
 * Handling officers, recusal and restriction (lib/cases/assignment.ts), one thin action
 * each: officerAction re-checks the session (and the admin role where needed); the
 * service checks access to the case again. Only async actions are exported.
 */

function refresh(caseNumber: string) {
  revalidatePath(`/petugas/kasus/${caseNumber}`);
  revalidatePath('/petugas');
}

const take = officerAction(caseOnlySchema, async (input, { db, officer }) => {
  await takeCase(db, officer, input);
  refresh(input.caseNumber);
  return { message: 'Anda kini menangani kasus ini. Kasus ini muncul di tab "Kasus saya".' };
});

const assign = officerAction(
  assignSchema,
  async (input, { db, officer }) => {
    await assignOfficer(db, asAdmin(officer), input);
    refresh(input.caseNumber);
    return { message: 'Petugas telah ditugaskan menangani kasus ini.' };
  },
  { role: 'admin' },
);

const unassign = officerAction(
  assignSchema,
  async (input, { db, officer }) => {
    await unassignOfficer(db, asAdmin(officer), input);
    refresh(input.caseNumber);
    return { message: 'Petugas tidak lagi menangani kasus ini.' };
  },
  { role: 'admin' },
);

const restrict = officerAction(
  restrictionSchema,
  async (input, { db, officer }) => {
    await setCaseRestriction(db, asAdmin(officer), input);
    refresh(input.caseNumber);
    return {
      message: input.restricted
        ? 'Kasus ini kini hanya dapat dibuka oleh petugas yang menanganinya dan admin.'
        : 'Pembatasan dicabut: semua petugas dapat membuka kasus ini.',
    };
  },
  { role: 'admin' },
);

const recuse = officerAction(recusalSchema, async (input, { db, officer }) => {
  await declareRecusal(db, officer, input);
  refresh(input.caseNumber);
  // The case is closed to this officer from now on: back to the inbox.
  redirect('/petugas?benturan=1');
});

export async function takeCaseAction(...args: Parameters<typeof take>) {
  return take(...args);
}
export async function assignOfficerAction(...args: Parameters<typeof assign>) {
  return assign(...args);
}
export async function unassignOfficerAction(...args: Parameters<typeof unassign>) {
  return unassign(...args);
}
export async function setRestrictionAction(...args: Parameters<typeof restrict>) {
  return restrict(...args);
}
export async function declareRecusalAction(...args: Parameters<typeof recuse>) {
  return recuse(...args);
}
