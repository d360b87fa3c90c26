import { expect, test, type Browser, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { fillReport, lookUp, openAction, openReceivedCase, signInAsAdmin, submitAndReadTicket } from './support';

/*
 * Issue 13, points 2 and 3, at 360 px: an admin assigns a case, the officer finds it
 * under "Kasus saya", a reporter's reply marks it "Balasan baru" until the officer opens
 * it, and an officer who declares a conflict of interest is refused the case's address.
 * Every check reads the page again from the server (a fresh GET).
 */

async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  return context.newPage();
}

/** An admin creates an officer account; returns its one-time password. */
async function createOfficerAccount(admin: Page, name: string, email: string): Promise<string> {
  await admin.goto('/petugas/admin/petugas');
  await admin.getByLabel('Nama lengkap').fill(name);
  await admin.getByLabel('Email dinas').fill(email);
  await admin.getByRole('button', { name: 'Buat akun' }).click();
  const code = admin.getByText('Kata sandi sementara (hanya ditampilkan sekali):').locator('xpath=..').locator('code');
  await expect(code).toBeVisible();
  return ((await code.textContent()) ?? '').trim();
}

async function signIn(page: Page, email: string, password: string, totpSecret?: string) {
  await page.goto('/petugas/masuk');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  if (totpSecret) await page.getByLabel('Kode verifikasi dua langkah').fill(await generate({ secret: totpSecret }));
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/** The officer's first sign-in: new password, then two-step sign-in, as the activation page asks. */
async function activateOfficer(page: Page, email: string, oneTimePassword: string): Promise<void> {
  const password = `kata-sandi-baru-${Date.now()}`;
  await signIn(page, email, oneTimePassword);
  await expect(page.getByRole('heading', { level: 1, name: 'Aktivasi Akun' })).toBeVisible();
  await page.getByLabel('Kata sandi saat ini').fill(oneTimePassword);
  await page.locator('#newPassword').fill(password);
  await page.getByLabel('Ulangi kata sandi baru').fill(password);
  await page.getByRole('button', { name: 'Ubah kata sandi' }).click();
  await expect(page).toHaveURL(/\/petugas\/masuk/);
  await signIn(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Aktivasi Akun' })).toBeVisible();
  await page.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();
  const secret = ((await page.locator('code').first().textContent()) ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel('Kode dari aplikasi').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Konfirmasi dan aktifkan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kotak Masuk' })).toBeVisible();
}

test('[PENANGANAN] an admin assigns a case, the officer sees it in "Kasus saya" and "Balasan baru", then recuses and is refused', async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const marker = `Penanda-penanganan-${stamp}`;
  const officerName = `Petugas Penanganan ${stamp}`;
  const officerEmail = `penanganan-${stamp}@wbs.test`;

  const reporter = await phonePage(browser);
  const admin = await phonePage(browser);
  const officer = await phonePage(browser);

  await reporter.goto('/lapor');
  await fillReport(reporter, { what: `Pungutan tanpa dasar di loket pelayanan. ${marker}` });
  const ticket = await submitAndReadTicket(reporter);

  await signInAsAdmin(admin);
  const oneTimePassword = await createOfficerAccount(admin, officerName, officerEmail);
  await activateOfficer(officer, officerEmail, oneTimePassword);

  // The admin assigns the case to the new officer.
  const casePath = await openReceivedCase(admin, marker);
  const caseNumber = casePath.split('/').at(-1)!;
  await openAction(admin, 'Atur penanggung jawab dan akses');
  const assign = admin.getByRole('form', { name: 'Tugaskan petugas' });
  await assign.getByLabel('Tugaskan petugas').selectOption({ label: officerName });
  await assign.getByRole('button', { name: 'Tugaskan' }).click();
  await expect(admin.getByText('Petugas telah ditugaskan menangani kasus ini.')).toBeVisible();
  await admin.goto(casePath);
  await expect(admin.locator('#penanganan')).toContainText(`Petugas penanggung jawab: ${officerName}`);

  // "Kasus saya" lists it for the officer; nothing new from the reporter yet.
  await officer.goto('/petugas?tab=saya');
  await expect(officer.locator(`a[href="${casePath}"]`)).toBeVisible();
  await expect(officer.getByTestId(`balasan-baru-${caseNumber}`)).toHaveCount(0);

  // The reporter writes; after a reload the officer's inbox marks the case and lists it under "Balasan baru".
  await lookUp(reporter, ticket);
  const message = reporter.getByRole('form', { name: 'Kirim pesan kepada petugas' });
  await message.getByLabel('Pesan untuk petugas').fill(`Saya ingat satu hal lagi tentang kejadian itu. ${marker}`);
  await message.getByRole('button', { name: 'Kirim Pesan' }).click();
  await expect(reporter.getByRole('status').filter({ hasText: 'Pesan Anda telah terkirim' })).toBeVisible();

  await officer.goto('/petugas?tab=saya');
  await expect(officer.getByTestId(`balasan-baru-${caseNumber}`)).toBeVisible();
  await officer.goto('/petugas?tab=balasan-baru');
  await expect(officer.locator(`a[href="${casePath}"]`)).toBeVisible();

  // Opening the case reads it: the mark is gone after a reload, and the tab no longer lists it.
  await officer.goto(casePath);
  await expect(officer.locator('#percakapan')).toContainText('Saya ingat satu hal lagi');
  await officer.goto('/petugas?tab=saya');
  await expect(officer.locator(`a[href="${casePath}"]`)).toBeVisible();
  await expect(officer.getByTestId(`balasan-baru-${caseNumber}`)).toHaveCount(0);
  await officer.goto('/petugas?tab=balasan-baru');
  await expect(officer.locator(`a[href="${casePath}"]`)).toHaveCount(0);

  // The officer declares a conflict of interest and loses the case.
  await officer.goto(casePath);
  await officer.getByText('Nyatakan benturan kepentingan', { exact: true }).first().click();
  const recuse = officer.getByRole('form', { name: 'Nyatakan benturan kepentingan' });
  await recuse.getByLabel('Alasan benturan kepentingan').fill('Terlapor adalah saudara kandung saya.');
  await recuse.getByRole('button', { name: 'Nyatakan benturan kepentingan' }).click();
  await expect(officer.getByText('Benturan kepentingan Anda telah dicatat.')).toBeVisible();

  await officer.goto(casePath);
  await expect(officer.getByText('Anda telah menyatakan benturan kepentingan pada kasus ini')).toBeVisible();
  await expect(officer.locator('body')).not.toContainText(marker);
  await expect(officer.locator('body')).not.toContainText('Saya ingat satu hal lagi');
  await officer.goto('/petugas?tab=saya');
  await expect(officer.locator(`a[href="${casePath}"]`)).toHaveCount(0);
  await officer.goto('/petugas');
  await expect(officer.locator(`a[href="${casePath}"]`)).toHaveCount(0);

  // The admin sees the recusal on the case, and the officer is no longer its handler.
  await admin.goto(casePath);
  await expect(admin.locator('#penanganan')).toContainText('Terlapor adalah saudara kandung saya.');
  await expect(admin.locator('#penanganan')).toContainText('Petugas penanggung jawab: Belum ada');
});
