import { describe, expect, it } from 'vitest';
import { renderEmail, type EmailKind, type EmailTemplateProps } from '@/lib/email/render';
import { DeadlineDigestEmail } from '@/lib/email/templates/deadline-digest';
import { InfoRequestExpiredEmail } from '@/lib/email/templates/info-request-expired';
import { NewReportEmail } from '@/lib/email/templates/new-report';
import { ReporterRepliedEmail } from '@/lib/email/templates/reporter-replied';
import { ReporterUpdateEmail } from '@/lib/email/templates/reporter-update';
import { SummonsReminderEmail } from '@/lib/email/templates/summons-reminder';

const office = { name: 'Biro Umum Setda Kabupaten Contoh', address: 'Jl. Contoh No. 7, Kota Contoh' };
const baseUrl = 'https://wbs.contoh.go.id/';
const caseNumber = '2026-0042';
const caseUrl = 'https://wbs.contoh.go.id/petugas/kasus/2026-0042';

const officerCases: { kind: EmailKind; props: EmailTemplateProps[EmailKind]; subject: string; says: string }[] = [
  { kind: 'new_report', props: { caseNumber, office, baseUrl }, subject: '[WBS] Laporan baru 2026-0042', says: 'Laporan baru telah diterima' },
  {
    kind: 'reporter_replied',
    props: { caseNumber, office, baseUrl, via: 'answer' },
    subject: '[WBS] Jawaban pelapor 2026-0042',
    says: 'Pelapor telah menjawab permintaan kelengkapan informasi',
  },
  {
    kind: 'reporter_replied',
    props: { caseNumber, office, baseUrl, via: 'message' },
    subject: '[WBS] Pesan baru dari pelapor 2026-0042',
    says: 'Pelapor mengirim pesan baru',
  },
  {
    kind: 'info_request_expired',
    props: { caseNumber, office, baseUrl },
    subject: '[WBS] Batas waktu kelengkapan terlewati 2026-0042',
    says: 'telah melewati batas waktu tanpa jawaban dari pelapor',
  },
  {
    kind: 'summons_reminder',
    props: { caseNumber, office, baseUrl },
    subject: '[WBS] Pengingat pemanggilan besok 2026-0042',
    says: 'Terdapat jadwal pemanggilan',
  },
];

describe('officer emails', () => {
  it.each(officerCases)('$kind ($subject) renders HTML and text in Indonesian with the office and the case link', async ({ kind, props, subject, says }) => {
    const email = await renderEmail(kind, props);
    expect(email.subject).toBe(subject);
    for (const part of [email.html, email.text]) {
      expect(part).toContain(says);
      expect(part).toContain('Yth. Petugas WBS');
      expect(part).toContain(office.name);
      expect(part).toContain(office.address);
      expect(part).toContain(caseUrl);
      expect(part).toContain('tidak memuat isi laporan');
    }
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain('lang="id"');
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it('the daily digest lists each case with its officer state label and due date, overdue first', async () => {
    const email = await renderEmail('deadline_digest', {
      office,
      baseUrl,
      items: [
        { caseNumber: '2026-0007', state: 'investigating', dueAt: new Date('2026-05-13T08:00:00Z'), overdue: false },
        { caseNumber: '2026-0003', state: 'received', dueAt: new Date('2026-05-11T15:59:59Z'), overdue: true },
      ],
    });
    expect(email.subject).toBe('[WBS] Ringkasan tenggat: 1 terlambat, 1 segera jatuh tempo');
    for (const part of [email.html, email.text]) {
      expect(part).toContain('Melewati tenggat (1)');
      expect(part).toContain('Jatuh tempo dalam dua hari kerja (1)');
      expect(part).toContain('Diterima');
      expect(part).toContain('Penelaahan');
      // 15:59:59Z is 23:59:59 WITA: the date printed is the office's day.
      expect(part).toContain('11 Mei 2026');
      expect(part).toContain('13 Mei 2026');
      expect(part).toContain(office.name);
      expect(part).toContain('https://wbs.contoh.go.id/petugas/kasus/2026-0003');
    }
    expect(email.text.indexOf('2026-0003')).toBeLessThan(email.text.indexOf('2026-0007'));
  });

  it('refuses anything but a case number where a case number goes, so report text cannot ride along', async () => {
    await expect(renderEmail('new_report', { caseNumber: 'Kepala dinas menerima suap', office, baseUrl })).rejects.toThrow(/case number/);
    await expect(
      renderEmail('deadline_digest', {
        office,
        baseUrl,
        items: [{ caseNumber: 'WBS-ABCD-EFGH-JKMN-PQRS', state: 'received', dueAt: new Date(), overdue: true }],
      }),
    ).rejects.toThrow(/case number/);
    await expect(renderEmail('new_report', { caseNumber, office, baseUrl: 'javascript:alert(1)' })).rejects.toThrow(/baseUrl/);
  });

  it('prints nothing but its own props even when a caller smuggles extra fields in', async () => {
    const loose = { caseNumber, office, baseUrl, what: 'MARKER-WHAT', reporterName: 'MARKER-NAME', ticket: 'WBS-MARK-ERTI-CKET-0000' };
    const email = await renderEmail('new_report', loose);
    for (const part of [email.subject, email.html, email.text]) expect(part).not.toMatch(/MARKER|WBS-MARK/);
  });
});

describe('the reporter email', () => {
  it('says only that there is an update, where to check, and the office name', async () => {
    const email = await renderEmail('reporter_update', { office, baseUrl });
    expect(email.subject).toBe('Ada pembaruan pada laporan Anda');
    expect(email.text.trim()).toBe(
      `Ada pembaruan pada laporan Anda — periksa di https://wbs.contoh.go.id/status dengan kode tiket Anda.\n\n${office.name}`,
    );
    expect(email.html).toContain('Ada pembaruan pada laporan Anda — periksa di');
    expect(email.html).toContain('href="https://wbs.contoh.go.id/status"');
    expect(email.html).toContain(office.name);
    expect(email.html).toContain('lang="id"');
  });

  it('carries no case number, even when one is passed in', async () => {
    const loose = { office: { ...office }, baseUrl, caseNumber };
    const email = await renderEmail('reporter_update', loose);
    for (const part of [email.subject, email.html, email.text]) {
      expect(part).not.toMatch(/\d{4}-\d{4}/);
      expect(part).not.toContain('/petugas');
      // The office address is not part of the sentence either: nothing beyond the name.
      expect(part).not.toContain(office.address);
    }
  });
});

describe('previews', () => {
  it.each([
    ['NewReportEmail', NewReportEmail, 'new_report'],
    ['ReporterRepliedEmail', ReporterRepliedEmail, 'reporter_replied'],
    ['InfoRequestExpiredEmail', InfoRequestExpiredEmail, 'info_request_expired'],
    ['SummonsReminderEmail', SummonsReminderEmail, 'summons_reminder'],
    ['DeadlineDigestEmail', DeadlineDigestEmail, 'deadline_digest'],
    ['ReporterUpdateEmail', ReporterUpdateEmail, 'reporter_update'],
  ] as const)('%s has sample props that render', async (_name, component, kind) => {
    const email = await renderEmail(kind, component.PreviewProps as never);
    expect(email.html.length).toBeGreaterThan(200);
    expect(email.text).toContain('Biro Umum Setda Provinsi NTT');
  });
});
