import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { fillReport, lookUp, marker, openAction, openReceivedCase, reloadPage, signInAsAdmin, submitAndReadTicket } from './support';

/*
 * Retention by crypto-erasure, as an admin lives it: set the period, see the preview,
 * confirm (nothing is erased before), run `npm run retention:run`, and an old closed
 * case shows "Isi kasus dihapus pada …" to officers and to its reporter.
 */

/** A run of `npm run retention:run` against this suite's data folder; its output. */
function runRetention(): string {
  const dataDir = process.env.E2E_DATA_DIR!;
  return execFileSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/retention-run.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, 'wbs.db')}` },
    encoding: 'utf8',
  });
}

/** Moves a case's closing date back (no browser can make a case three months old). */
async function closedDaysAgo(caseNumber: string, days: number) {
  const client = createClient({ url: `file:${path.join(process.env.E2E_DATA_DIR!, 'wbs.db')}` });
  try {
    const at = Math.floor(Date.now() / 1000) - days * 86_400;
    await client.execute({ sql: 'UPDATE cases SET state_changed_at = ? WHERE case_number = ?', args: [at, caseNumber] });
  } finally {
    client.close();
  }
}

test('[RETENSI] an admin previews and confirms a retention period; after the run an old closed case reads "Isi kasus dihapus pada …" for officers and the reporter', async ({ browser }) => {
  test.setTimeout(150_000);
  const tag = `Penanda-retensi-${Date.now()}`;
  const reporter = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' })).newPage();
  await reporter.goto('/lapor');
  await fillReport(reporter, { what: `Bendahara meminta uang tunai kepada penyedia. ${tag} ${marker('what')}` });
  const ticket = await submitAndReadTicket(reporter);

  // An officer rejects it; then it is made three months old.
  const admin = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' })).newPage();
  await signInAsAdmin(admin);
  const href = await openReceivedCase(admin, tag);
  const caseNumber = href.split('/').at(-1)!;
  await openAction(admin, 'Mulai verifikasi');
  await admin.getByRole('button', { name: 'Mulai Verifikasi' }).click();
  await expect(admin.getByText('Verifikasi dimulai.')).toBeVisible();
  await reloadPage(admin);
  await openAction(admin, 'Tolak laporan');
  await admin.locator('#tolak-laporan-alasan').selectOption('duplikat');
  await admin.locator('#tolak-laporan-penjelasan').fill(`Laporan yang sama sudah diterima sebelumnya. ${marker('publicnote')}`);
  await admin.getByRole('button', { name: 'Tolak Laporan' }).click();
  await expect(admin.getByText('Penjelasan Anda ditampilkan kepada pelapor.')).toBeVisible();
  await closedDaysAgo(caseNumber, 100);

  // The admin asks for 2 months and sees which cases that would erase; nothing is stored yet.
  await admin.goto('/petugas/admin/pengaturan');
  await expect(admin.getByTestId('retention-status')).toHaveText('Tidak aktif: isi kasus disimpan tanpa batas waktu.');
  await expect(admin.getByText('Jadwal Retensi Arsip (JRA)').first()).toBeVisible();
  await expect(admin.getByText(/baru tidak dapat dibaca setelah kunci induk yang berlaku saat cadangan dibuat dirotasi/)).toBeVisible();
  const months = admin.getByLabel('Hapus isi kasus … bulan setelah kasus ditutup');
  await months.fill('nol');
  await admin.getByRole('button', { name: 'Tampilkan pratinjau' }).click();
  await expect(admin.getByText('Masa simpan harus berupa bilangan bulat, misalnya 60.')).toBeVisible();
  await expect(admin.getByLabel('Hapus isi kasus … bulan setelah kasus ditutup')).toHaveValue('nol');
  await admin.getByLabel('Hapus isi kasus … bulan setelah kasus ditutup').fill('2');
  await admin.getByRole('button', { name: 'Tampilkan pratinjau' }).click();
  const preview = admin.getByTestId('retention-preview');
  await expect(preview.getByRole('cell', { name: caseNumber, exact: true })).toBeVisible();
  await expect(admin.getByTestId('retention-status')).toContainText('Tidak aktif');

  // Not confirmed yet: a run erases nothing.
  const unconfirmed = runRetention();
  expect(unconfirmed).toContain('off: no retention period is set');
  expect(unconfirmed).toContain('0 cases erased');
  await admin.goto(href);
  await expect(admin.getByText(tag)).toBeVisible();

  // Confirming needs the archive-rules tick; then the period is in force.
  await admin.goto('/petugas/admin/pengaturan?retensi=2#retensi');
  const confirm = admin.getByRole('form', { name: 'Konfirmasi retensi' });
  await confirm.getByRole('button', { name: 'Konfirmasi dan aktifkan retensi' }).click();
  await expect(admin.getByText(/Centang pernyataan bahwa ketentuan kearsipan/).first()).toBeVisible();
  await admin.getByRole('form', { name: 'Konfirmasi retensi' }).getByRole('checkbox').check();
  await admin.getByRole('form', { name: 'Konfirmasi retensi' }).getByRole('button', { name: 'Konfirmasi dan aktifkan retensi' }).click();
  await expect(admin.getByText(/Retensi diaktifkan: isi kasus dihapus 2 bulan setelah kasus ditutup/)).toBeVisible();
  await admin.goto('/petugas/admin/pengaturan');
  await expect(admin.getByTestId('retention-status')).toContainText('Aktif: isi kasus dihapus 2 bulan setelah kasus ditutup');

  // The run erases it (unless this server's own hourly run was quicker).
  expect(runRetention()).toMatch(/\[retention\] done: [01] cases erased/);
  await admin.goto(href);
  await expect(admin.getByTestId('content-erased')).toContainText('Isi kasus dihapus pada');
  await expect(admin.getByText(tag)).toHaveCount(0);
  await expect(admin.locator('#riwayat')).toContainText('Isi kasus dihapus (retensi)');

  await lookUp(reporter, ticket);
  await expect(reporter.getByTestId('content-erased')).toContainText('Isi kasus dihapus pada');
  await expect(reporter.getByText('Laporan yang sama sudah diterima sebelumnya.')).toHaveCount(0);

  // The admin page counts it; turning retention off leaves it erased.
  await admin.goto('/petugas/admin/pengaturan');
  await expect(admin.getByText(/Kasus yang isinya telah dihapus/)).toBeVisible();
  await admin.getByRole('button', { name: 'Matikan retensi' }).click();
  await expect(admin.getByText('Retensi dimatikan.')).toBeVisible();
  await expect(admin.getByTestId('retention-status')).toContainText('Tidak aktif');
  await admin.goto('/petugas/admin/pengaturan');
  await expect(admin.getByTestId('retention-status')).toContainText('Tidak aktif');
  await admin.goto(href);
  await expect(admin.getByTestId('content-erased')).toBeVisible();
});
