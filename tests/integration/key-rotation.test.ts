import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTotp, sealTotp } from '@/lib/auth/totp';
import { loadCaseCipher } from '@/lib/cases/case-crypto';
import { loadEvidenceForOfficer } from '@/lib/cases/evidence-download';
import { assertKeysReadable, keysLeftToRotate, rotateCaseKeys } from '@/lib/cases/key-rotation';
import { loadOfficerCaseView } from '@/lib/cases/officer-view';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import { startVerification } from '@/lib/cases/service/decisions';
import { requestIdentityAccess, viewReporterIdentity } from '@/lib/cases/service/identity';
import { decryptBytes } from '@/lib/crypto/aead';
import { masterKey, unwrapCaseKey } from '@/lib/crypto/case-keys';
import type { Database } from '@/lib/db/client';
import { attachments, caseKeys, emailOutbox, officers, settings } from '@/lib/db/schema';
import { openRecipient } from '@/lib/email/recipient';
import { resetEnvCache } from '@/lib/env';
import { freshDatabase } from '../support/db';
import { createOfficer } from '../support/factories';
import { filesUnder, pdfFile, validReportForm } from '../support/forms';

/**
 * Rotating the master key on a database with cases, files, a TOTP secret and a queued
 * reporter email, with an interrupted first run: everything reads after, and nothing
 * opens with the old key alone.
 */

let db: Database;
let dataDir: string;
let officer: Awaited<ReturnType<typeof createOfficer>>;
const submitted: { caseNumber: string; caseId: number }[] = [];

function useKeys(current: string, previous?: string) {
  process.env.DATA_ENCRYPTION_KEY = current;
  if (previous) process.env.DATA_ENCRYPTION_KEY_PREVIOUS = previous;
  else delete process.env.DATA_ENCRYPTION_KEY_PREVIOUS;
  resetEnvCache();
}

async function readEverything() {
  for (const { caseNumber } of submitted) {
    const view = (await loadOfficerCaseView(db, officer, caseNumber))!;
    expect(view.report.what).toContain('Rp 500.000');
    expect(view.reportedParties[0].name).toBe('Budi Santoso');
    expect(view.attachments[0].fileName).toBe(`bukti-${caseNumber}.pdf`);
    const file = await loadEvidenceForOfficer(db, officer, caseNumber, view.attachments[0].id);
    // The stored file is the cleaned PDF (metadata removal rewrites it), still a PDF.
    expect(file.bytes.toString('latin1')).toMatch(/^%PDF-/);
    expect(await viewReporterIdentity(db, officer, caseNumber)).toMatchObject({ name: 'Maria Ndun' });
  }
  const [withTotp] = await db.select({ id: officers.id, enc: officers.totpSecretEnc }).from(officers).where(eq(officers.id, Number(officer.id)));
  expect(openTotp(withTotp.id, withTotp.enc!).secret).toBe('JBSWY3DPEHPK3PXP');
  const reporterEmails = await db.select({ to: emailOutbox.toAddress }).from(emailOutbox).where(eq(emailOutbox.kind, 'reporter_update'));
  expect(reporterEmails.length).toBeGreaterThan(0);
  for (const email of reporterEmails) expect(openRecipient(email.to)).toBe('maria@contoh.id');
}

beforeAll(async () => {
  ({ db, dataDir } = await freshDatabase());
  officer = await createOfficer(db);
  // Identity access without an admin's approval here (new installs require it; not what these tests are about).
  await db.insert(settings).values({ key: 'identityViewNeedsApproval', value: false }).onConflictDoUpdate({ target: settings.key, set: { value: false } });
  for (let i = 0; i < 5; i++) {
    const result = await handleReportSubmission(
      db,
      validReportForm(
        { anonymous: 'no', reporterName: 'Maria Ndun', reporterEmail: 'maria@contoh.id', emailConsent: 'yes' },
        [pdfFile('placeholder.pdf')].map((f) => new File([f], `bukti-2026-000${i + 1}.pdf`, { type: 'application/pdf' })),
      ),
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    submitted.push(result.submitted);
    await startVerification(db, officer, { caseNumber: result.submitted.caseNumber, publicNote: 'Sedang diverifikasi.' });
    await requestIdentityAccess(db, officer, { caseNumber: result.submitted.caseNumber, reason: 'Perlu klarifikasi.' });
  }
  await db.update(officers).set({ totpSecretEnc: sealTotp(Number(officer.id), { secret: 'JBSWY3DPEHPK3PXP' }) }).where(eq(officers.id, Number(officer.id)));
});

describe('npm run keys:rotate', () => {
  it('re-wraps every case key, resumes after an interruption, and leaves nothing readable with the old key alone', async () => {
    expect(submitted.map((s) => s.caseNumber)).toEqual(['2026-0001', '2026-0002', '2026-0003', '2026-0004', '2026-0005'].map((n) => n.replace('2026', submitted[0].caseNumber.slice(0, 4))));
    const oldKey = process.env.DATA_ENCRYPTION_KEY!;
    const newKey = randomBytes(32).toString('base64');
    const filesBefore = Object.fromEntries((await filesUnder(dataDir)).filter((f) => f.endsWith('.bin')).map((f) => [f, readFileSync(f).toString('hex')]));
    const contentBefore = await db.select().from(caseKeys);

    // Without the previous key there is nothing to unwrap with: refused, nothing changed.
    useKeys(newKey);
    await expect(rotateCaseKeys(db)).rejects.toThrow(/DATA_ENCRYPTION_KEY_PREVIOUS/);
    await expect(assertKeysReadable(db)).rejects.toThrow(/not in force/);
    expect(await db.select().from(caseKeys)).toEqual(contentBefore);

    // First run: interrupted after two batches of two.
    useKeys(newKey, oldKey);
    let batches = 0;
    await expect(
      rotateCaseKeys(db, {
        batchSize: 2,
        onBatch: () => {
          if (++batches === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(await keysLeftToRotate(db)).toBe(1);
    // Mid-rotation, with both keys set, the app reads every case.
    await readEverything();

    // Second run finishes; a third has nothing to do.
    const second = await rotateCaseKeys(db, { batchSize: 2 });
    expect(second.rewrapped).toBe(1);
    expect(second.totpResealed).toBe(1);
    expect(second.recipientsResealed).toBeGreaterThan(0);
    expect(await rotateCaseKeys(db)).toEqual({ rewrapped: 0, totpResealed: 0, recipientsResealed: 0 });

    // The new key alone reads everything.
    useKeys(newKey);
    await assertKeysReadable(db);
    await readEverything();
    // Content and files were not touched, only the wrapping.
    const filesAfter = Object.fromEntries((await filesUnder(dataDir)).filter((f) => f.endsWith('.bin')).map((f) => [f, readFileSync(f).toString('hex')]));
    expect(filesAfter).toEqual(filesBefore);

    // The old key alone opens nothing: no case key, no file, no TOTP secret.
    const old = masterKey(Buffer.from(oldKey, 'base64'));
    const rows = await db.select().from(caseKeys);
    expect(rows.every((row) => row.masterKeyId === masterKey(Buffer.from(newKey, 'base64')).id)).toBe(true);
    for (const row of rows) expect(() => unwrapCaseKey(row.wrappedKey!, old, row.caseId)).toThrow();
    for (const [file, hex] of Object.entries(filesAfter)) {
      const aad = `evidence:${path.basename(file, '.bin')}`;
      expect(() => decryptBytes(Buffer.from(hex, 'hex'), old.key, aad)).toThrow();
    }
    // (while the file does open with its case key under that same binding).
    const [evidence] = await db.select().from(attachments).where(eq(attachments.caseId, submitted[0].caseId));
    const [file, hex] = Object.entries(filesAfter).find(([f]) => f.endsWith(`${evidence.storageKey}.bin`))!;
    const cipher = await loadCaseCipher(db, submitted[0].caseId);
    expect(decryptBytes(Buffer.from(hex, 'hex'), cipher.fileKey(), `evidence:${path.basename(file, '.bin')}`).toString('latin1')).toContain('%PDF');
    useKeys(oldKey);
    await expect(loadCaseCipher(db, submitted[0].caseId)).rejects.toThrow(/not in force/);
    await expect(assertKeysReadable(db)).rejects.toThrow(/keys:rotate/);
    const [withTotp] = await db.select({ id: officers.id, enc: officers.totpSecretEnc }).from(officers).where(eq(officers.id, Number(officer.id)));
    expect(() => openTotp(withTotp.id, withTotp.enc!)).toThrow();
    useKeys(newKey);
  });
});
