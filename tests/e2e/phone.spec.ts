import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { MINIMAL_PDF } from '../support/forms';
import { daysAhead, fillReport, lookUp, openAction, openReceivedCase, reloadPage, signInAsAdmin, submitAndReadTicket } from './support';

/*
 * A 360 × 740 px phone, JavaScript on and off: no page scrolls sideways, the case page
 * reaches its thread within three screens, the reporter's status page answers "what
 * now?" first, and the receipt keeps the code whole and asks for it back before leaving.
 */

const PDF = Buffer.from(`${MINIMAL_PDF}%%EOF\n`);
const PHONE = { width: 360, height: 740 };
const SCREEN = 740;

async function newContext(browser: Browser, javaScriptEnabled: boolean, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>) {
  return browser.newContext({ javaScriptEnabled, viewport: PHONE, locale: 'id-ID', timezoneId: 'Asia/Makassar', storageState });
}

/** The document's own width: anything wider than the viewport scrolls the page sideways. */
async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

/** Where a case with content stands after the whole early procedure: evidence, a question answered with a file, a summons, a message. */
type Fixture = { ticket: string; casePath: string; letterPath: string; marker: string };

async function caseWithContent(browser: Browser, officer: Page): Promise<Fixture> {
  const marker = `Penanda-hp-${Date.now()}`;
  const reporterContext = await newContext(browser, true);
  const reporter = await reporterContext.newPage();
  await reporter.goto('/lapor');
  await fillReport(reporter, {
    what: `Bendahara meminta uang Rp 500.000 kepada setiap penyedia sebelum tagihan dibayarkan, dengan alasan biaya administrasi. ${marker}`,
  });
  await reporter.getByLabel('Berkas bukti').setInputFiles({ name: 'kuitansi-penyedia-bulan-januari-2026.pdf', mimeType: 'application/pdf', buffer: PDF });
  const ticket = await submitAndReadTicket(reporter);

  const casePath = await openReceivedCase(officer, marker);
  await openAction(officer, 'Mulai verifikasi');
  await officer.getByRole('button', { name: 'Mulai Verifikasi' }).click();
  await expect(officer.getByText('Verifikasi dimulai.')).toBeVisible();
  await reloadPage(officer);
  await openAction(officer, 'Minta kelengkapan informasi');
  const ask = officer.getByRole('form', { name: 'Minta kelengkapan informasi' });
  await ask.getByLabel('Pertanyaan untuk pelapor').fill('Mohon lampirkan kuitansi atau bukti permintaan uang tersebut.');
  await ask.getByRole('button', { name: 'Minta Kelengkapan' }).click();
  await expect(officer.getByText('Permintaan kelengkapan telah dikirim.')).toBeVisible();

  await lookUp(reporter, ticket);
  const answer = reporter.getByRole('form', { name: 'Jawab permintaan kelengkapan' });
  await answer.getByLabel('Jawaban Anda').fill(`Kuitansi permintaan uang saya lampirkan. ${marker}`);
  await answer.getByLabel('Lampiran').setInputFiles({ name: 'kuitansi-jawaban.pdf', mimeType: 'application/pdf', buffer: PDF });
  await answer.getByRole('button', { name: 'Kirim Jawaban' }).click();
  await expect(reporter.getByText('Jawaban Anda telah terkirim')).toBeVisible();
  await reporterContext.close();

  await reloadPage(officer);
  await openAction(officer, 'Nyatakan lengkap');
  await officer.getByRole('button', { name: 'Nyatakan Lengkap' }).click();
  await expect(officer.getByText('Laporan dinyatakan lengkap.')).toBeVisible();
  await reloadPage(officer);
  await openAction(officer, 'Jadwalkan pemanggilan');
  const form = officer.getByRole('form', { name: 'Jadwalkan pemanggilan' });
  await form.getByLabel('Pihak yang dipanggil').selectOption({ label: 'Pelapor' });
  await form.getByLabel('Nama yang dipanggil').fill('Pelapor');
  await form.getByLabel('Tanggal').fill(daysAhead(3));
  await form.getByLabel('Jam').fill('09:00');
  await form.getByLabel('Tempat').fill('Ruang Rapat Biro Umum, Lantai 2, Kantor Gubernur NTT');
  await form.getByLabel('Agenda').fill('Klarifikasi laporan tentang permintaan uang kepada penyedia');
  await form.getByRole('button', { name: 'Jadwalkan Pemanggilan' }).click();
  await expect(officer.getByText(/Pemanggilan (pelapor )?telah dijadwalkan/)).toBeVisible();
  await reloadPage(officer);
  const message = officer.getByRole('form', { name: 'Kirim pesan kepada pelapor' });
  await message.getByLabel('Pesan untuk pelapor').fill('Terima kasih, kuitansi sudah kami terima. Mohon hadir sesuai undangan.');
  await message.getByRole('button', { name: 'Kirim Pesan' }).click();
  await expect(officer.getByText(/Pesan telah dikirim/i)).toBeVisible();
  await reloadPage(officer);
  const letterPath = (await officer.getByRole('link', { name: 'Surat panggilan (cetak)' }).first().getAttribute('href'))!;
  return { ticket, casePath, letterPath, marker };
}

test('[HP] no public, officer or admin page scrolls sideways at 360 px, JavaScript on and off; the case page reaches its thread within three screens', async ({ browser }) => {
  test.setTimeout(240_000);
  const officerContext = await newContext(browser, true);
  const officer = await officerContext.newPage();
  await signInAsAdmin(officer);
  const fixture = await caseWithContent(browser, officer);

  // An email in the outbox to open (a new report mails the officers).
  await officer.goto('/petugas/admin/outbox?status=captured');
  const emailPath = await officer.locator('a[href^="/petugas/admin/outbox/"]').first().getAttribute('href');

  const officerRoutes = [
    '/petugas',
    '/petugas?tab=received',
    '/petugas?tab=investigating',
    '/petugas?tab=quarantine',
    '/petugas?q=0000-0000',
    fixture.casePath,
    fixture.letterPath,
    '/petugas/akun',
    '/petugas/statistik',
    '/petugas/statistik/laporan',
    '/petugas/admin/petugas',
    '/petugas/admin/pengaturan',
    '/petugas/admin/hari-libur',
    '/petugas/admin/identitas',
    '/petugas/admin/audit',
    '/petugas/admin/outbox',
    ...(emailPath ? [emailPath] : []),
  ];
  const publicRoutes = ['/', '/lapor', '/status', '/statistik', '/petugas/masuk', '/lapor/terkirim', '/lapor/terkirim/selesai', '/halaman-yang-tidak-ada'];

  const session = await officerContext.storageState();
  const widths: string[] = [];
  for (const javaScriptEnabled of [true, false]) {
    const context = await newContext(browser, javaScriptEnabled, session);
    const page = await context.newPage();
    for (const route of officerRoutes) {
      await page.goto(route);
      widths.push(`${javaScriptEnabled ? 'js' : 'nojs'} ${route} ${await pageWidth(page)}`);
      expect.soft(await pageWidth(page), `${route} with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`).toBeLessThanOrEqual(PHONE.width);
    }
    // The case page: the current state and next deadline first, the thread within three screens.
    await page.goto(fixture.casePath);
    const now = page.getByTestId('case-now');
    await expect(now).toContainText('Sekarang:');
    const nowBox = (await now.boundingBox())!;
    expect(nowBox.y + nowBox.height).toBeLessThanOrEqual(SCREEN);
    // The thread comes right after the report and its evidence (summons and identity follow it).
    const threadTop = await page.locator('#percakapan').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const total = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`[HP] case page at 360 px, JavaScript ${javaScriptEnabled ? 'on' : 'off'}: thread starts at ${Math.round(threadTop)} px, page ${total} px`);
    expect(threadTop).toBeLessThanOrEqual(3 * SCREEN);
    await context.close();

    const anonymous = await newContext(browser, javaScriptEnabled);
    const visitor = await anonymous.newPage();
    for (const route of publicRoutes) {
      await visitor.goto(route);
      widths.push(`${javaScriptEnabled ? 'js' : 'nojs'} ${route} ${await pageWidth(visitor)}`);
      expect.soft(await pageWidth(visitor), `${route} with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`).toBeLessThanOrEqual(PHONE.width);
    }
    // The reporter's status page with the whole case on it.
    await lookUp(visitor, fixture.ticket);
    await expect(visitor.getByTestId('what-now')).toBeVisible();
    expect.soft(await pageWidth(visitor), '/status with a case').toBeLessThanOrEqual(PHONE.width);
    await anonymous.close();
  }
  console.log(widths.join('\n'));

  // The inbox on a phone: each case a card with its deadline first.
  await officer.goto('/petugas');
  const card = officer.getByTestId('inbox-row').first();
  const cells = await card.locator('td').evaluateAll((tds) => tds.map((td) => ({ first: td.hasAttribute('data-first'), top: td.getBoundingClientRect().top })));
  const deadlineTop = cells.find((cell) => cell.first)!.top;
  expect(Math.min(...cells.map((cell) => cell.top))).toBe(deadlineTop);

  // The audit log reads as Indonesian, not as keys.
  await officer.goto('/petugas/admin/audit');
  const audit = (await officer.locator('main').textContent()) ?? '';
  expect(audit).toContain('dari Verifikasi ke Menunggu Kelengkapan');
  expect(audit).not.toMatch(/holiday\.add|from: |to: |totp: |case\.[a-z_]+|requestId/);
  await officerContext.close();
});

test('[HP] the status page answers "what now?" first, then the thread newest first with each answer and its files, after a reload', async ({ browser }) => {
  test.setTimeout(240_000);
  const officerContext = await newContext(browser, true);
  const officer = await officerContext.newPage();
  await signInAsAdmin(officer);
  const fixture = await caseWithContent(browser, officer);
  await officerContext.close();

  for (const javaScriptEnabled of [false, true]) {
    const context = await newContext(browser, javaScriptEnabled);
    const reporter = await context.newPage();
    await lookUp(reporter, fixture.ticket);
    await expect(reporter.getByTestId('what-now')).toBeVisible();
    await reloadPage(reporter);
    const now = reporter.getByTestId('what-now');
    await expect(now).toContainText('sedang ditangani');
    await expect(reporter.getByRole('heading', { name: 'Undangan klarifikasi' })).toBeVisible();
    const thread = reporter.getByTestId('thread-item');
    // Newest first: the officer's message, then the question with the answer and both being acknowledged.
    await expect(thread.first()).toContainText('Terima kasih, kuitansi sudah kami terima.');
    const question = thread.filter({ hasText: 'Mohon lampirkan kuitansi' });
    await expect(question).toContainText('Sudah dijawab');
    await expect(question).toContainText(`Kuitansi permintaan uang saya lampirkan. ${fixture.marker}`);
    await expect(question).toContainText('Berkas Anda sudah diterima');
    await expect(question).toContainText('kuitansi-jawaban.pdf');
    await expect(question).toContainText('Dokumen PDF');
    // Order on the page: what now, what waits for the reporter, then the thread.
    const top = async (locator: ReturnType<Page['getByTestId']>) => (await locator.boundingBox())!.y;
    expect(await top(now)).toBeLessThan(await top(reporter.getByRole('heading', { name: 'Undangan klarifikasi' })));
    expect(await top(reporter.getByRole('heading', { name: 'Undangan klarifikasi' }))).toBeLessThan(await top(thread.first()));
    expect(await top(thread.first())).toBeLessThan(await top(question));
    await expect(reporter.getByRole('button', { name: 'Keluar dari halaman status' })).toBeVisible();
    await expect(reporter.getByRole('button', { name: /Selesai/ })).toHaveCount(0);
    await context.close();
  }
});

test('[HP] the receipt keeps each group of the code whole and, with JavaScript off, leads on only after the last group is typed back', async ({ browser }) => {
  const context = await newContext(browser, false);
  const reporter = await context.newPage();
  await reporter.goto('/lapor');
  await fillReport(reporter);
  const ticket = await submitAndReadTicket(reporter);
  const lastGroup = ticket.split('-').at(-1)!;

  const groups = reporter.getByTestId('ticket-group');
  await expect(groups).toHaveCount(5);
  // A group that wrapped would have boxes on two lines: each group's boxes share one line.
  const linesPerGroup = await groups.evaluateAll((spans) => spans.map((span) => new Set([...span.getClientRects()].map((rect) => Math.round(rect.top))).size));
  expect(linesPerGroup).toEqual([1, 1, 1, 1, 1]);
  expect(await pageWidth(reporter)).toBeLessThanOrEqual(PHONE.width);

  // Nothing typed, then a wrong group: the receipt comes back with the same code and says why.
  await reporter.getByRole('button', { name: 'Saya sudah menyimpan kode tiket' }).click();
  await expect(reporter).toHaveURL(/konfirmasi=kosong/);
  await expect(reporter.getByRole('alert')).toContainText('Ketik empat karakter terakhir');
  await expect(reporter.getByTestId('ticket-code')).toHaveText(ticket);
  await reporter.getByLabel('Ketik empat karakter terakhir kode tiket Anda').fill(lastGroup === 'ZZZZ' ? 'YYYY' : 'ZZZZ');
  await reporter.getByRole('button', { name: 'Saya sudah menyimpan kode tiket' }).click();
  await expect(reporter).toHaveURL(/konfirmasi=salah/);
  await expect(reporter.getByTestId('ticket-code')).toHaveText(ticket);

  // Leaving without it first brings a plain warning, still with the code.
  await reporter.getByRole('button', { name: 'Keluar tanpa konfirmasi' }).click();
  await expect(reporter).toHaveURL(/konfirmasi=peringatan/);
  await expect(reporter.getByRole('alert')).toContainText('belum menunjukkan bahwa kode tiket sudah tersimpan');
  await expect(reporter.getByTestId('ticket-code')).toHaveText(ticket);

  // Typed back (lower case, as people type): on to the next page; the code is never shown again.
  await reporter.getByLabel('Ketik empat karakter terakhir kode tiket Anda').fill(lastGroup.toLowerCase());
  await reporter.getByRole('button', { name: 'Saya sudah menyimpan kode tiket' }).click();
  await expect(reporter).toHaveURL(/\/lapor\/terkirim\/selesai$/);
  await expect(reporter.getByRole('heading', { level: 1 })).toHaveText('Terima kasih, kode tiket Anda tersimpan');
  await reporter.goto('/lapor/terkirim');
  await expect(reporter.getByRole('heading', { level: 1 })).toHaveText('Kode tiket tidak dapat ditampilkan lagi');
  await expect(reporter.locator('body')).not.toContainText(ticket);

  // Another reporter leaves anyway: only after the warning, and only then.
  await reporter.goto('/lapor');
  await fillReport(reporter);
  await submitAndReadTicket(reporter);
  await reporter.getByRole('button', { name: 'Keluar tanpa konfirmasi' }).click();
  await expect(reporter).toHaveURL(/konfirmasi=peringatan/);
  await reporter.getByRole('button', { name: 'Tetap keluar tanpa menyimpan kode' }).click();
  await expect(reporter).toHaveURL(/\/lapor\/terkirim\/selesai\?tanpa-konfirmasi=1$/);
  await expect(reporter.getByRole('heading', { level: 1 })).toHaveText('Laporan Anda tetap diproses');
  await context.close();
});

test('[HP] the form needs nothing but its HTML to paint styled: no stylesheet request, JavaScript on and off, and the styles stay after a client-side navigation', async ({ browser }) => {
  for (const javaScript of [false, true]) {
    const context = await newContext(browser, javaScript);
    const page = await context.newPage();
    const stylesheets: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'stylesheet') stylesheets.push(request.url());
    });
    await page.goto('/lapor');
    // Styled: the site header wears the brand colour (bg-brand-800), from the inline stylesheet.
    const header = page.locator('body > div > header').first();
    await expect(header).toHaveCSS('background-color', 'rgb(30, 58, 138)');
    expect(await page.locator('link[rel="stylesheet"]').count()).toBe(0);
    if (javaScript) {
      await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Cek Status' }).click();
      await expect(page).toHaveURL(/\/status$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cek Status Laporan');
      await expect(header).toHaveCSS('background-color', 'rgb(30, 58, 138)');
    }
    expect(stylesheets).toEqual([]);
    await context.close();
  }
});
