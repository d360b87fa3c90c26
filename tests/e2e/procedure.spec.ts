import { expect, test, type Browser, type Page } from '@playwright/test';
import { caseState, daysAhead, fillReport, workingDaysAhead, lookUp, marker as mrk, openAction, openReceivedCase, reloadPage, signInAsAdmin, sloppy, submitAndReadTicket } from './support';
import { MINIMAL_PDF } from '../support/forms';

// A real one-page PDF: the server rewrites evidence without metadata, so it must parse.
const PDF = Buffer.from(`${MINIMAL_PDF}%%EOF\n`);

async function newPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  return context.newPage();
}

async function schedule(officer: Page, role: 'Pelapor' | 'Saksi' | 'Terlapor', name: string, place: string) {
  await openAction(officer, 'Jadwalkan pemanggilan');
  const form = officer.getByRole('form', { name: 'Jadwalkan pemanggilan' });
  await form.getByLabel('Pihak yang dipanggil').selectOption({ label: role });
  await form.getByLabel('Nama yang dipanggil').fill(name);
  await form.getByLabel('Tanggal').fill(workingDaysAhead(3));
  await form.getByLabel('Jam').fill('09:00');
  await form.getByLabel('Tempat').fill(place);
  await form.getByLabel('Agenda').fill(`Klarifikasi laporan oleh ${role.toLowerCase()} ${mrk('summonsagenda')}`);
  await form.getByRole('button', { name: 'Jadwalkan Pemanggilan' }).click();
  await expect(officer.getByText(/Pemanggilan (pelapor )?telah dijadwalkan/)).toBeVisible();
  await reloadPage(officer);
  const region = officer.getByRole('region', { name: `Pemanggilan ${role}: ${name}` });
  await expect(region).toBeVisible();
  await expect(region.getByText(place, { exact: true })).toBeVisible();
}

/** Waits for the action's own message, then reads the recorded state after a reload. */
async function expectRecordedState(page: Page, message: string, state: string) {
  await expect(page.getByText(message)).toBeVisible();
  await reloadPage(page);
  await expect(caseState(page)).toHaveText(state);
}

for (const reporterJs of [false, true]) {
  test(`[PROSEDUR] the whole procedure, reporter with JavaScript ${reporterJs ? 'on' : 'off'}: verify → ask → answer with a file → accept → summons → conclude`, async ({ browser }) => {
    test.setTimeout(180_000);
    const marker = `Penanda-${reporterJs ? 'js' : 'nojs'}-${Date.now()}`;
    // MRK- markers in every field typed here: the marker scan finds none of them at rest.
    const witness = `Saksi ${mrk('summonsname')}`;
    const reported = `Terlapor ${mrk('summonsname')}`;
    const answerFile = `${mrk('filename')}.pdf`;
    const reporterPlace = `Ruang Rapat Biro Umum ${mrk('summonsplace')}`;
    const minutes = `Pelapor hadir dan menjelaskan kronologi permintaan uang. ${mrk('minutes')}`;
    const officerMessage = `Terima kasih, mohon siapkan dokumen asli. ${mrk('officermessage')}`;
    const reporterMessage = `Baik, dokumen asli saya bawa saat klarifikasi. ${mrk('reportermessage')}`;
    const reporter = await newPage(browser, reporterJs);
    const officer = await newPage(browser, true);

    // The reporter submits and keeps the ticket.
    await reporter.goto('/lapor');
    await fillReport(reporter, { what: `Bendahara meminta uang tunai kepada penyedia. ${marker} ${mrk('what')}` });
    // The reporter gives their identity (encrypted; shown to officers only on a request).
    await reporter.locator('#anonymous-no').check();
    await reporter.locator('#reporterName').fill(`Maria Ndun ${mrk('idname')}`);
    await reporter.locator('#reporterPhone').fill(mrk('idphone', { digits: true }));
    await reporter.locator('#reporterEmail').fill(`${mrk('idemail').toLowerCase()}@contoh.id`);
    await reporter.locator('#reporterAddress').fill(`Jalan El Tari, Kupang ${mrk('idaddress')}`);
    const ticket = await submitAndReadTicket(reporter);

    // The officer signs in, finds the case and starts verification.
    await signInAsAdmin(officer);
    await openReceivedCase(officer, marker);
    await openAction(officer, 'Mulai verifikasi');
    await openAction(officer, 'Mulai verifikasi');
  await officer.getByRole('button', { name: 'Mulai Verifikasi' }).click();
    await expectRecordedState(officer, 'Verifikasi dimulai.', 'Verifikasi');

    // Something is missing: the officer asks, the reporter answers on /status with a file.
    await openAction(officer, 'Minta kelengkapan informasi');
    const ask = officer.getByRole('form', { name: 'Minta kelengkapan informasi' });
    await ask.getByLabel('Pertanyaan untuk pelapor').fill(`Mohon lampirkan kuitansi atau bukti permintaan uang tersebut. ${mrk('question')}`);
    await ask.getByRole('button', { name: 'Minta Kelengkapan' }).click();
    await expectRecordedState(officer, 'Permintaan kelengkapan telah dikirim.', 'Menunggu Kelengkapan');

    await lookUp(reporter, sloppy(ticket));
    await expect(caseState(reporter)).toHaveText('Perlu Kelengkapan');
    await expect(reporter.getByText('Mohon lampirkan kuitansi')).toBeVisible();
    const answer = reporter.getByRole('form', { name: 'Jawab permintaan kelengkapan' });
    await answer.getByLabel('Jawaban Anda').fill(`Kuitansi permintaan uang saya lampirkan. ${mrk('answer')}`);
    await answer.getByLabel('Lampiran').setInputFiles({ name: answerFile, mimeType: 'application/pdf', buffer: PDF });
    await answer.getByRole('button', { name: 'Kirim Jawaban' }).click();
    await expectRecordedState(reporter, 'Jawaban Anda telah terkirim', 'Diverifikasi');

    // The case is back in Verifikasi with the answer and its file in the thread.
    await officer.reload();
    await expect(officer.getByText('Kuitansi permintaan uang saya lampirkan.')).toBeVisible();
    await expect(officer.locator('#percakapan').getByRole('link', { name: answerFile })).toBeVisible();
    await openAction(officer, 'Nyatakan lengkap');
    await officer.locator('#nyatakan-lengkap-publik').fill(`Laporan Anda lengkap dan sedang ditelaah. ${mrk('publicnote')}`);
    await officer.locator('#nyatakan-lengkap-internal').fill(`Cocokkan kuitansi dengan buku kas. ${mrk('internalnote')}`);
    await officer.getByRole('button', { name: 'Nyatakan Lengkap' }).click();
    await expectRecordedState(officer, 'Laporan dinyatakan lengkap.', 'Penelaahan');

    // Summons of the reporter (they see it) and of a witness (they never do).
    await schedule(officer, 'Pelapor', 'Pelapor', reporterPlace);
    await reporter.goto('/status');
    await expect(reporter.getByRole('heading', { name: 'Undangan klarifikasi' })).toBeVisible();
    await expect(reporter.getByText(reporterPlace, { exact: true })).toBeVisible();

    await schedule(officer, 'Saksi', witness, `Ruang Inspeksi ${mrk('summonsplace')}`);
    const reporterSummons = officer.getByRole('region', { name: 'Pemanggilan Pelapor: Pelapor' });
    await openAction(officer, 'Catat kehadiran', reporterSummons);
    await reporterSummons.getByLabel('Hadir', { exact: true }).check();
    await reporterSummons.getByLabel('Berita acara').fill(minutes);
    await reporterSummons.getByRole('button', { name: 'Catat Kehadiran' }).click();
    // The meeting is days away: attendance cannot be recorded yet, and the minutes stay typed.
    await expect(reporterSummons.getByText(/baru dapat dicatat setelah waktu pemanggilan tiba/).first()).toBeVisible();
    await expect(reporterSummons.getByLabel('Berita acara')).toHaveValue(minutes);
    // After a reload: still scheduled, no minutes recorded, no attendance in the timeline.
    await reloadPage(officer);
    await expect(reporterSummons.getByText('Terjadwal', { exact: true })).toBeVisible();
    await expect(officer.locator('#riwayat').getByText('Pemanggilan: hadir', { exact: true })).toHaveCount(0);

    // The reported party is summoned: the reporter sees nothing of it.
    // A message each way, and a written request to see the reporter's identity.
    await officer.locator('#kirim-pesan-isi').fill(officerMessage);
    await officer.getByRole('button', { name: 'Kirim Pesan' }).click();
    await expect(officer.getByText('Pesan telah dikirim.')).toBeVisible();
    await reporter.goto('/status');
    await expect(reporter.getByText(officerMessage)).toBeVisible();
    const toOfficer = reporter.getByRole('form', { name: 'Kirim pesan kepada petugas' });
    await toOfficer.getByLabel('Pesan untuk petugas').fill(reporterMessage);
    await toOfficer.getByRole('button', { name: 'Kirim Pesan' }).click();
    // Wait for the send to be confirmed: a reload at once could abort the request in flight.
    await expect(reporter.getByRole('status').filter({ hasText: 'Pesan Anda telah terkirim' })).toBeVisible();
    await reloadPage(reporter);
    await expect(reporter.getByText(reporterMessage)).toBeVisible();
    await reloadPage(officer);
    await openAction(officer, 'Minta akses identitas');
    await officer.locator('#identitas-alasan').fill(`Pelapor perlu dihubungi untuk jadwal ulang. ${mrk('identityreason')}`);
    await officer.getByRole('button', { name: 'Minta Akses Identitas' }).click();
    await expect(officer.getByText(/Permintaan tercatat/)).toBeVisible();

    await schedule(officer, 'Terlapor', reported, `Ruang Kepala Biro ${mrk('summonsplace')}`);
    await expect(caseState(officer)).toHaveText('Pemeriksaan Terlapor');
    await reporter.goto('/status');
    await expect(caseState(reporter)).toHaveText('Diproses');
    const reporterPage = await reporter.locator('body').textContent();
    expect(reporterPage).not.toContain(witness);
    expect(reporterPage).not.toContain(reported);
    expect(reporterPage).not.toContain('Ruang Kepala Biro');
    expect(reporterPage).not.toContain('Ruang Inspeksi');

    // Conclusion, and the reporter reads it.
    await openAction(officer, 'Selesaikan kasus');
    const conclude = officer.getByRole('form', { name: 'Selesaikan kasus' });
    await conclude.getByLabel('Hasil penanganan').selectOption({ index: 2 });
    await conclude.getByLabel('Ringkasan hasil untuk pelapor').fill(`Terlapor terbukti melanggar disiplin dan telah dijatuhi sanksi sesuai ketentuan. ${mrk('conclusion')}`);
    await conclude.getByLabel('Catatan internal').fill(`Sanksi ditetapkan oleh Sekda. ${mrk('internalnote')}`);
    // "Terbukti" while the reported party was never examined in person: the reason is asked for.
    await conclude.getByLabel(/Alasan menyimpulkan terbukti/).fill(`Dokumen kuitansi dan dua saksi menguatkan; terlapor belum hadir. ${mrk('provenreason')}`);
    await conclude.getByRole('button', { name: 'Selesaikan Kasus' }).click();
    await expectRecordedState(officer, 'Kasus telah diselesaikan.', 'Selesai');

    await reporter.goto('/status');
    await expect(caseState(reporter)).toHaveText('Selesai');
    // The outcome is part of "what now?", at the top of the status page.
    await expect(reporter.getByTestId('outcome')).toContainText('telah dijatuhi sanksi sesuai ketentuan');
  });
}

test('[PETUGAS] bad input on the case page: a past due date, an empty question, a summons without place or time — messages at the fields, input kept', async ({ browser }) => {
  const marker = `Penanda-salah-${Date.now()}`;
  const reporter = await newPage(browser, true);
  await reporter.goto('/lapor');
  await fillReport(reporter, { what: `Bendahara meminta uang tunai kepada penyedia. ${marker}` });
  await submitAndReadTicket(reporter);

  const officer = await newPage(browser, false);
  await signInAsAdmin(officer);
  await openReceivedCase(officer, marker);
  await openAction(officer, 'Mulai verifikasi');
  await officer.getByRole('button', { name: 'Mulai Verifikasi' }).click();

  await openAction(officer, 'Minta kelengkapan informasi');
  const ask = officer.getByRole('form', { name: 'Minta kelengkapan informasi' });
  await ask.getByLabel('Pertanyaan untuk pelapor').fill('');
  await ask.getByLabel('Batas waktu jawaban').fill('2020-01-01');
  await ask.getByRole('button', { name: 'Minta Kelengkapan' }).click();
  const askAgain = officer.getByRole('form', { name: 'Minta kelengkapan informasi' });
  await expect(askAgain.getByText('Pertanyaan untuk pelapor wajib diisi.').first()).toBeVisible();
  await expect(askAgain.getByText('Batas waktu jawaban harus hari ini atau setelahnya.').first()).toBeVisible();
  await expect(askAgain.getByLabel('Batas waktu jawaban')).toHaveValue('2020-01-01');
  // Nothing was stored: after a reload the case is still in Verifikasi, with no question.
  await reloadPage(officer);
  await expect(caseState(officer)).toHaveText('Verifikasi');
  await expect(officer.locator('#percakapan')).not.toContainText('Permintaan kelengkapan dari');

  await openAction(officer, 'Nyatakan lengkap');
  await officer.getByRole('button', { name: 'Nyatakan Lengkap' }).click();
  await openAction(officer, 'Jadwalkan pemanggilan');
  const form = officer.getByRole('form', { name: 'Jadwalkan pemanggilan' });
  await form.getByLabel('Pihak yang dipanggil').selectOption({ label: 'Saksi' });
  await form.getByLabel('Nama yang dipanggil').fill('Saksi Pertama');
  await form.getByLabel('Tanggal').fill(daysAhead(2));
  await form.getByLabel('Agenda').fill('Keterangan saksi tentang permintaan uang');
  await form.getByRole('button', { name: 'Jadwalkan Pemanggilan' }).click();
  const again = officer.getByRole('form', { name: 'Jadwalkan pemanggilan' });
  await expect(again.getByText('Jam pemanggilan wajib diisi.').first()).toBeVisible();
  await expect(again.getByText('Tempat pemanggilan wajib diisi.').first()).toBeVisible();
  await expect(again.getByLabel('Nama yang dipanggil')).toHaveValue('Saksi Pertama');
  await expect(again.getByLabel('Agenda')).toHaveValue('Keterangan saksi tentang permintaan uang');
  await reloadPage(officer);
  await expect(caseState(officer)).toHaveText('Penelaahan');
  await expect(officer.getByRole('region', { name: /^Pemanggilan Saksi/ })).toHaveCount(0);
});
