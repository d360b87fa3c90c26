import { describe, expect, it } from 'vitest';
import { parseReportFields } from '@/lib/cases/schemas';
import { requestInformationSchema, scheduleSummonsSchema } from '@/lib/cases/officer-schemas';
import { assessCompleteness } from '@/lib/cases/completeness';
import { spamScore, looksLikeSpam } from '@/lib/security/spam';
import { validReportForm } from '../support/forms';

describe('the report form schema', () => {
  it('accepts a complete anonymous report and trims the text', () => {
    const result = parseReportFields(validReportForm({ where: '   Ruang Keuangan lantai 2   ' }));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.report.where).toBe('Ruang Keuangan lantai 2');
      expect(result.report.identity).toEqual({ anonymous: true, emailConsent: false });
      expect(result.report.parties).toHaveLength(1);
    }
  });

  it.each([
    ['what', '', /wajib diisi/],
    ['what', 'pendek', /terlalu singkat \(minimal 20 karakter\)/],
    ['how', 'x'.repeat(5001), /terlalu panjang \(maksimal 5000 karakter\)/],
    ['where', 'abc', /terlalu singkat/],
    ['whenText', '', /wajib diisi/],
    ['who', '', /wajib diisi/],
    ['whenDate', '2026-02-30x', /tidak valid/],
    ['category', '', /Pilih kategori/],
  ])('%s = %j is refused with an Indonesian message at that field', (field, value, message) => {
    const result = parseReportFields(validReportForm({ [field]: value }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors[field]).toMatch(message);
  });

  it('needs a name or a position for at least one reported person', () => {
    const result = parseReportFields(validReportForm({ party0Name: '', party0Position: '', party0WorkUnit: 'Bagian Umum' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors.party0Name).toMatch(/nama atau jabatan/);
    const position = parseReportFields(validReportForm({ party0Name: '', party0Position: 'Bendahara' }));
    expect(position.ok).toBe(true);
  });

  it('an identified reporter needs a name and a phone or email; consent needs an email', () => {
    const noContact = parseReportFields(validReportForm({ anonymous: 'no', reporterName: 'Ani' }));
    expect(noContact.ok).toBe(false);
    if (!noContact.ok) expect(noContact.fieldErrors.reporterPhone).toMatch(/telepon atau email/);
    const badEmail = parseReportFields(validReportForm({ anonymous: 'no', reporterName: 'Ani', reporterEmail: 'bukan-email' }));
    if (!badEmail.ok) expect(badEmail.fieldErrors.reporterEmail).toMatch(/email tidak valid/);
    const consent = parseReportFields(validReportForm({ anonymous: 'no', reporterName: 'Ani', reporterPhone: '0812345678', emailConsent: 'on' }));
    if (!consent.ok) expect(consent.fieldErrors.reporterEmail).toMatch(/Isi alamat email/);
    const ok = parseReportFields(validReportForm({ anonymous: 'no', reporterName: 'Ani', reporterEmail: 'ani@contoh.id', emailConsent: 'on' }));
    expect(ok.ok).toBe(true);
  });

  it('keeps HTML as plain text (escaping is the page’s job, not the schema’s)', () => {
    const result = parseReportFields(validReportForm({ what: '<script>alert(1)</script> uang diminta tunai oleh bendahara' }));
    expect(result.ok && result.report.what.startsWith('<script>')).toBe(true);
  });
});

describe('officer input schemas', () => {
  it('refuses an information request due in the past or without questions', () => {
    const past = requestInformationSchema.safeParse({ caseNumber: '2026-0001', questions: 'Mohon kirim kuitansi.', dueDate: '2020-01-01' });
    expect(past.success).toBe(false);
    expect(past.error?.issues[0].message).toMatch(/hari ini atau setelahnya/);
    const empty = requestInformationSchema.safeParse({ caseNumber: '2026-0001', questions: '  ', dueDate: '2099-01-01' });
    expect(empty.error?.issues[0].path).toEqual(['questions']);
  });

  it('refuses a summons without time or place, or in the past', () => {
    const base = { caseNumber: '2026-0001', role: 'saksi', personName: 'Saksi', scheduledDate: '2099-01-01', scheduledTime: '09:00', place: 'Ruang Rapat', agenda: 'Keterangan saksi' };
    expect(scheduleSummonsSchema.safeParse(base).success).toBe(true);
    const paths = (input: object) => scheduleSummonsSchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ ...base, scheduledTime: '' })).toContain('scheduledTime');
    expect(paths({ ...base, place: '' })).toContain('place');
    expect(paths({ ...base, scheduledDate: '2020-01-01' })).toContain('scheduledDate');
  });
});

describe('completeness hint and spam score', () => {
  it('names what is still thin', () => {
    const items = assessCompleteness({ what: 'uang', where: '', whenText: '', who: 'tidak ada', how: '', partyNamed: false, evidenceCount: 0 });
    expect(items.filter((i) => !i.ok).map((i) => i.key)).toEqual(['what', 'where', 'when', 'how', 'party', 'evidence']);
  });

  it('scores the seed’s injected gambling line as spam and an ordinary report as not', () => {
    expect(looksLikeSpam({ texts: ['slot dana slot777'] })).toBe(true);
    expect(looksLikeSpam({ texts: ['Bendahara meminta uang Rp 500.000 kepada penyedia.'] })).toBe(false);
    expect(spamScore({ texts: ['laporan biasa'], honeypot: 'http://spam' })).toBeGreaterThanOrEqual(10);
  });
});
