import { createClient } from '@libsql/client';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { caseState, fillReport, lookUp, openAction, openReceivedCase, reloadPage, saturdayAhead, signInAsAdmin, submitAndReadTicket } from './support';

/* Issue 13, points 4, 5, 6 and 8, as an officer and a reporter live them at 360 px. */

async function newPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  return context.newPage();
}

/** A reporter submits (JavaScript off) and an officer opens the case; returns both pages, the ticket and the case path. */
async function reportedCase(browser: Browser, marker: string) {
  const reporter = await newPage(browser, false);
  await reporter.goto('/lapor');
  await fillReport(reporter, { what: `Bendahara meminta uang tunai kepada penyedia. ${marker}` });
  const ticket = await submitAndReadTicket(reporter);
  const officer = await newPage(browser, true);
  await signInAsAdmin(officer);
  const href = await openReceivedCase(officer, marker);
  await openAction(officer, 'Mulai verifikasi');
  await officer.getByRole('button', { name: 'Mulai Verifikasi' }).click();
  await expect(officer.getByText('Verifikasi dimulai.')).toBeVisible();
  await reloadPage(officer);
  return { reporter, officer, ticket, href };
}

test('[PEMANGGILAN] a Saturday summons asks for confirmation, attendance before the meeting is refused, and an anonymous reporter answers in writing that the officer reads after a reload', async ({ browser }) => {
  test.setTimeout(150_000);
  const marker = `Penanda-panggil-${Date.now()}`;
  const { reporter, officer, ticket } = await reportedCase(browser, marker);
  await openAction(officer, 'Nyatakan lengkap');
  await officer.getByRole('button', { name: 'Nyatakan Lengkap' }).click();
  await expect(officer.getByText('Laporan dinyatakan lengkap.')).toBeVisible();
  await reloadPage(officer);

  // A Saturday: refused with the reason and a confirmation box, everything typed kept.
  await openAction(officer, 'Jadwalkan pemanggilan');
  const form = officer.getByRole('form', { name: 'Jadwalkan pemanggilan' });
  await form.getByLabel('Pihak yang dipanggil').selectOption({ label: 'Pelapor' });
  await form.getByLabel('Nama yang dipanggil').fill('Pelapor (anonim)');
  await form.getByLabel('Tanggal').fill(saturdayAhead());
  await form.getByLabel('Jam').fill('09:00');
  await form.getByLabel('Tempat').fill('Ruang Rapat Biro Umum');
  await form.getByLabel('Agenda').fill('Kapan dan di mana uang itu diminta?');
  await form.getByRole('button', { name: 'Jadwalkan Pemanggilan' }).click();
  await expect(form.getByText(/hari Sabtu, bukan hari kerja/).first()).toBeVisible();
  await expect(form.getByLabel('Tempat')).toHaveValue('Ruang Rapat Biro Umum');
  await form.getByLabel(/Ya, tetap jadwalkan/).check();
  await form.getByRole('button', { name: 'Jadwalkan Pemanggilan' }).click();
  await expect(officer.getByText('Pemanggilan pelapor telah dijadwalkan')).toBeVisible();
  await reloadPage(officer);
  const card = officer.getByRole('region', { name: 'Pemanggilan Pelapor: Pelapor (anonim)' });
  await expect(card).toBeVisible();

  // Attendance for a meeting days away: refused, the minutes stay typed, nothing recorded.
  await openAction(officer, 'Catat kehadiran', card);
  await card.getByLabel('Hadir', { exact: true }).check();
  await card.getByLabel('Berita acara').fill('Pelapor hadir dan menjelaskan kronologi.');
  await card.getByRole('button', { name: 'Catat Kehadiran' }).click();
  await expect(card.getByText(/baru dapat dicatat setelah waktu pemanggilan tiba/).first()).toBeVisible();
  await expect(card.getByLabel('Berita acara')).toHaveValue('Pelapor hadir dan menjelaskan kronologi.');
  await reloadPage(officer);
  await expect(card.getByText('Terjadwal', { exact: true })).toBeVisible();

  // The reporter (JavaScript off) answers the agenda in writing on /status, without a name.
  await lookUp(reporter, ticket);
  await expect(reporter.getByRole('heading', { name: 'Undangan klarifikasi' })).toBeVisible();
  const respond = reporter.getByRole('form', { name: 'Tanggapi undangan klarifikasi' });
  await respond.getByLabel('Saya menjawab agenda secara tertulis, tanpa hadir').check();
  await respond.getByLabel('Alasan atau jawaban tertulis').fill('Uang diminta di ruang bendahara setiap awal bulan, saya tidak dapat hadir.');
  await respond.getByRole('button', { name: 'Kirim Tanggapan' }).click();
  await expect(reporter.getByText('Tanggapan Anda telah terkirim kepada petugas.')).toBeVisible();
  await reporter.goto('/status');
  await expect(reporter.getByText('Tanggapan Anda: Menjawab secara tertulis', { exact: false })).toBeVisible();

  // The officer reads it on the summons after a reload.
  await reloadPage(officer);
  const responses = card.getByRole('region', { name: 'Tanggapan pelapor' });
  await expect(responses.getByText(/Menjawab secara tertulis/)).toBeVisible();
  await expect(responses.getByText('Uang diminta di ruang bendahara setiap awal bulan, saya tidak dapat hadir.')).toBeVisible();
});

test('[TUTUP] rejecting a case closes its open question: after a reload the reporter sees it closed, never an answer form', async ({ browser }) => {
  test.setTimeout(150_000);
  const marker = `Penanda-tutup-${Date.now()}`;
  const { reporter, officer, ticket, href } = await reportedCase(browser, marker);
  await openAction(officer, 'Minta kelengkapan informasi');
  const ask = officer.getByRole('form', { name: 'Minta kelengkapan informasi' });
  await ask.getByLabel('Pertanyaan untuk pelapor').fill('Mohon lampirkan kuitansi permintaan uang tersebut.');
  await ask.getByRole('button', { name: 'Minta Kelengkapan' }).click();
  await expect(officer.getByText('Permintaan kelengkapan telah dikirim.')).toBeVisible();

  // The due date passes unanswered (set in its clear column, as time would).
  const db = createClient({ url: `file:${path.join(process.env.E2E_DATA_DIR!, 'wbs.db')}` });
  await db.execute({
    sql: "UPDATE info_requests SET due_at = unixepoch() - 86400 WHERE status = 'open' AND case_id = (SELECT id FROM cases WHERE case_number = ?)",
    args: [href.split('/').at(-1)!],
  });
  db.close();

  await reloadPage(officer);
  await openAction(officer, 'Tolak laporan');
  const reject = officer.getByRole('form', { name: 'Tolak laporan' });
  await reject.getByLabel('Alasan penolakan').selectOption({ label: 'Tidak ada jawaban pelapor sampai batas waktu' });
  await reject.getByLabel('Penjelasan untuk pelapor').fill('Tidak ada jawaban sampai batas waktu yang ditentukan.');
  await reject.getByRole('button', { name: 'Tolak Laporan' }).click();
  await expect(officer.getByText('Laporan dinyatakan tidak dapat ditindaklanjuti.')).toBeVisible();
  await reloadPage(officer);
  await expect(caseState(officer)).toHaveText('Tidak Dapat Ditindaklanjuti');

  await lookUp(reporter, ticket);
  await expect(caseState(reporter)).toHaveText('Tidak Dapat Ditindaklanjuti');
  await reporter.goto('/status');
  await expect(reporter.getByText('Mohon lampirkan kuitansi permintaan uang tersebut.')).toBeVisible();
  await expect(reporter.getByText(/Ditutup karena kasus selesai/)).toBeVisible();
  await expect(reporter.getByRole('form', { name: 'Jawab permintaan kelengkapan' })).toHaveCount(0);
});

test('[KATEGORI] an admin adds a category and the report form offers it', async ({ browser }) => {
  const label = `Netralitas ASN ${Date.now()}`;
  const admin = await newPage(browser, false);
  await signInAsAdmin(admin);
  await admin.goto('/petugas/admin/kategori');
  await admin.getByLabel('Nama kategori').fill(label);
  await admin.getByRole('button', { name: 'Tambah kategori' }).click();
  await expect(admin.getByText(`Kategori "${label}" ditambahkan`)).toBeVisible();
  await reloadPage(admin);
  await expect(admin.getByRole('listitem', { name: label })).toBeVisible();

  const reporter = await newPage(browser, false);
  await reporter.goto('/lapor');
  await expect(reporter.getByLabel('Kategori pelanggaran').locator('option', { hasText: label })).toHaveCount(1);
});
