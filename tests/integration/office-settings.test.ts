import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { settingsFormValues, updateSettings } from '@/lib/admin/settings';
import { loadCaseCipher, SEAL_PENDING, sealRow } from '@/lib/cases/case-crypto';
import { loadReporterView } from '@/lib/cases/reporter-view';
import { referCase, startVerification } from '@/lib/cases/service/decisions';
import { loadSummonsLetter } from '@/lib/cases/summons-documents';
import type { Database } from '@/lib/db/client';
import { cases, summons } from '@/lib/db/schema';
import { DEFAULT_SETTINGS, getSettings } from '@/lib/settings';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer } from '../support/factories';

/**
 * The office-specific words that used to be written in code (the letter's city, the
 * inspectorate a case is referred to) are settings: another office changes them in the
 * admin form and sees its own words on the letter and in what the reporter is told.
 */
let db: Database;
let admin: Awaited<ReturnType<typeof createOfficer>>;
let officer: Awaited<ReturnType<typeof createOfficer>>;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  admin = await createOfficer(db, 'admin');
  officer = await createOfficer(db);
});

// Stored as the services store it: the person, place and agenda sealed under the case key.
async function summonsFor(caseId: number) {
  const [row] = await db
    .insert(summons)
    .values({
      caseId,
      role: 'saksi',
      personName: SEAL_PENDING,
      scheduledAt: new Date('2026-12-10T09:00:00+08:00'),
      place: SEAL_PENDING,
      agenda: SEAL_PENDING,
    })
    .returning({ id: summons.id });
  await sealRow(db, await loadCaseCipher(db, caseId), summons, row.id, {
    personName: 'Maria Tefa',
    place: 'Ruang Rapat',
    agenda: 'Klarifikasi keterangan saksi.',
  });
  return row.id;
}

describe('office strings from the settings', () => {
  it('default to the first office: Kupang and the provincial inspectorate', () => {
    expect(DEFAULT_SETTINGS.letterPlace).toBe('Kupang');
    expect(DEFAULT_SETTINGS.referralInspectorate).toBe('Inspektorat Daerah Provinsi NTT');
  });

  it('an admin changes the letter place and the inspectorate; the letter and the referral use the new words', async () => {
    const { caseNumber, caseId } = await createCase(db);
    const summonsId = await summonsFor(caseId);
    expect((await loadSummonsLetter(db, officer, caseNumber, summonsId)).letterPlace).toBe('Kupang');

    const current = settingsFormValues(await getSettings(db));
    const { changed } = await updateSettings(db, admin, {
      ...current,
      letterPlace: 'Atambua',
      referralInspectorate: 'Inspektorat Daerah Kabupaten Belu',
    });
    expect(changed.sort()).toEqual(['letterPlace', 'referralInspectorate']);

    const letter = await loadSummonsLetter(db, officer, caseNumber, summonsId, new Date('2026-12-01T02:00:00Z'));
    expect(`${letter.letterPlace}, ${letter.letterDate}`).toBe('Atambua, 1 Desember 2026');

    await startVerification(db, officer, { caseNumber });
    await referCase(db, officer, { caseNumber, referredTo: 'inspektorat', publicNote: 'Pelanggaran disiplin pegawai daerah.' });
    const [row] = await db.select({ referredTo: cases.referredTo, state: cases.state }).from(cases).where(eq(cases.caseNumber, caseNumber));
    // The referral target is sealed at rest; it opens under the case key.
    const referredTo = (await loadCaseCipher(db, caseId)).open(cases.referredTo, caseId, row.referredTo);
    expect({ referredTo, state: row.state }).toEqual({ referredTo: 'Inspektorat Daerah Kabupaten Belu', state: 'referred' });
    const view = await loadReporterView(db, caseId);
    const notes = view!.timeline.map((entry) => entry.note ?? '').join('\n');
    expect(notes).toContain('Laporan Anda dilimpahkan kepada Inspektorat Daerah Kabupaten Belu.');
    expect(notes).not.toContain('Provinsi NTT');
  });

  it('refuses an empty letter place or inspectorate with an Indonesian message at the field', async () => {
    const current = settingsFormValues(await getSettings(db));
    for (const [field, message] of [
      ['letterPlace', 'Tempat surat wajib diisi.'],
      ['referralInspectorate', 'Inspektorat tujuan pelimpahan wajib diisi.'],
    ] as const) {
      const error = await updateSettings(db, admin, { ...current, [field]: '  ' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'invalid_settings', field, userMessage: message });
    }
    expect((await getSettings(db)).letterPlace).toBe('Atambua');
  });
});
