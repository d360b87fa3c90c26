import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { caseState, fillReport, lookUp, submitAndReadTicket } from './support';

/** Serious and critical axe findings (WCAG 2.1 A/AA), as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('[A11Y] the home page, the form and the empty status page have no serious or critical violations', async ({ page }) => {
  for (const path of ['/', '/lapor', '/status']) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test('[A11Y] the form with errors, the receipt and the case view have no serious or critical violations', async ({ page }) => {
  await page.goto('/lapor');
  await fillReport(page, { what: '' });
  await page.getByRole('button', { name: 'Kirim Laporan' }).click();
  await expect(page.locator('#what-error')).toBeVisible();
  expect(await seriousViolations(page), '/lapor with errors').toEqual([]);

  await fillReport(page);
  const ticket = await submitAndReadTicket(page);
  expect(await seriousViolations(page), '/lapor/terkirim').toEqual([]);

  await lookUp(page, ticket);
  await expect(caseState(page)).toHaveText('Diterima');
  expect(await seriousViolations(page), '/status with a case').toEqual([]);
});

test('[A11Y] every form control on /lapor has a visible label', async ({ page }) => {
  await page.goto('/lapor');
  await page.getByLabel('Cantumkan identitas saya').check();
  await page.getByText('Tambah terlapor lain (opsional)').click();
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('form input, form select, form textarea')]
      .filter((el) => (el as HTMLElement).offsetParent !== null && (el as HTMLInputElement).type !== 'hidden')
      .filter((el) => {
        const labels = (el as HTMLInputElement).labels;
        return !labels || ![...labels].some((l) => (l as HTMLElement).offsetParent !== null && l.textContent?.trim());
      })
      .map((el) => el.id || el.getAttribute('name')),
  );
  expect(unlabelled).toEqual([]);
});
