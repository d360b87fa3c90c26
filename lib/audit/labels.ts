/**
 * The audit log in Indonesian: a name for every action the app writes and a short
 * sentence for its details ("dari Verifikasi ke Dilimpahkan", "dengan verifikasi dua
 * langkah"), so an admin reads entries instead of keys like `holiday.add` or
 * `totp: false`. Pure (no database, no framework): tests/unit/audit-labels.test.ts scans
 * the code for every action written and fails when one has no name here.
 */
import { isCaseState, officerLabel, OUTCOMES, REJECTION_REASON_LABELS, type RejectionReason } from '@/lib/cases/workflow';
import { formatOfficeDate, officeInstant } from '@/lib/office-time';

/** What happened to a case, as a sentence fragment after "Kasus: ". */
const CASE_ACTION_LABELS: Record<string, string> = {
  submitted: 'laporan diterima',
  verification_started: 'verifikasi dimulai',
  information_requested: 'kelengkapan informasi diminta dari pelapor',
  information_answered: 'pelapor menjawab permintaan kelengkapan',
  accepted_complete: 'laporan dinyatakan lengkap',
  rejected: 'laporan ditolak',
  referred: 'laporan dilimpahkan',
  returned_to_investigation: 'kembali ke penelaahan',
  concluded: 'kasus diselesaikan',
  summons_scheduled: 'pemanggilan dijadwalkan',
  summons_attended: 'kehadiran pemanggilan dicatat (hadir)',
  summons_not_attended: 'kehadiran pemanggilan dicatat (tidak hadir)',
  summons_rescheduled: 'pemanggilan dijadwalkan ulang',
  summons_cancelled: 'pemanggilan dibatalkan',
  message_to_reporter: 'pesan dikirim kepada pelapor',
  message_from_reporter: 'pesan diterima dari pelapor',
  quarantine_released: 'dikeluarkan dari karantina (bukan spam)',
  rejected_as_spam: 'ditolak sebagai spam',
  view: 'halaman kasus dibuka',
  assign: 'petugas penanggung jawab ditugaskan',
  unassign: 'petugas penanggung jawab dilepas',
  take: 'diambil oleh petugas sebagai penanggung jawab',
  recuse: 'petugas menyatakan konflik kepentingan dan mundur',
  restrict: 'akses dibatasi untuk petugas penanggung jawab',
  unrestrict: 'pembatasan akses dicabut',
  content_erased: 'isi kasus dihapus (masa simpan berakhir)',
  info_requests_closed: 'permintaan kelengkapan yang masih terbuka ditutup',
  summons_response: 'pelapor menanggapi pemanggilan',
};

/** Every action outside a case's workflow. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  sign_in: 'Masuk ke sistem',
  sign_in_failed: 'Gagal masuk',
  sign_out: 'Keluar dari sistem',
  password_changed: 'Mengganti kata sandi sendiri',
  totp_enrolled: 'Mengaktifkan verifikasi dua langkah',
  totp_disabled: 'Menonaktifkan verifikasi dua langkah',
  officer_created: 'Membuat akun petugas',
  officer_deactivated: 'Menonaktifkan akun petugas',
  officer_reactivated: 'Mengaktifkan kembali akun petugas',
  password_reset: 'Mengatur ulang kata sandi petugas',
  totp_reset: 'Menghapus verifikasi dua langkah petugas',
  role_changed: 'Mengubah peran petugas',
  'settings.update': 'Mengubah pengaturan kantor',
  'holiday.add': 'Menambah hari libur kantor',
  'holiday.remove': 'Menghapus hari libur kantor',
  'identity.request': 'Meminta akses identitas pelapor',
  'identity.view': 'Melihat identitas pelapor',
  'identity.approve': 'Menyetujui akses identitas pelapor',
  'identity.deny': 'Menolak akses identitas pelapor',
  'identity.self_approve': 'Menyetujui permintaan identitas miliknya sendiri (satu-satunya admin, dengan kode verifikasi)',
  'identity.self_approval_failed': 'Kode verifikasi salah saat menyetujui permintaan identitas sendiri',
  'evidence.download': 'Mengunduh berkas bukti',
  'email.read': 'Membaca email di kotak keluar',
  'email.retry': 'Mengirim ulang email',
  'officer.notify_mode': 'Mengubah pilihan pemberitahuan email',
  'summons.ics_download': 'Mengunduh jadwal pemanggilan (.ics)',
  'summons.letter_view': 'Membuka surat panggilan',
  'evaluation.save': 'Menyimpan evaluasi laporan pengelolaan WBS',
  'category.add': 'Menambah kategori laporan',
  'category.rename': 'Mengganti nama kategori laporan',
  'category.move': 'Mengubah urutan kategori laporan',
  'category.activate': 'Mengaktifkan kembali kategori laporan',
  'category.deactivate': 'Menonaktifkan kategori laporan',
  'retention.confirm': 'Menetapkan masa simpan isi kasus (retensi)',
  'retention.off': 'Mematikan penghapusan isi kasus (retensi)',
  ...Object.fromEntries(Object.entries(CASE_ACTION_LABELS).map(([kind, label]) => [`case.${kind}`, `Kasus: ${label}`])),
};

/** True when the action has an Indonesian name (the unit test asks this of every action in the code). */
export function hasAuditLabel(action: string): boolean {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action);
}

/** The name of an action; an unknown one (a newer version's row) reads as a generic entry, never as a key. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? (action.startsWith('case.') ? 'Kasus: tindakan lain' : 'Tindakan lain');
}

const SETTING_LABELS: Record<string, string> = {
  officeName: 'nama kantor',
  parentOrganisation: 'instansi induk',
  officeAddress: 'alamat kantor',
  officePhone: 'telepon kantor',
  officeEmail: 'email kantor',
  letterPlace: 'tempat surat',
  referralInspectorate: 'nama inspektorat',
  maxFiles: 'jumlah berkas',
  maxFileBytes: 'ukuran per berkas',
  maxSubmissionBytes: 'ukuran total per kiriman',
  maxCaseFilesPerDay: 'jumlah berkas per laporan per hari',
  maxCaseBytesPerDay: 'ukuran berkas per laporan per hari',
  verificationStartDays: 'batas mulai verifikasi',
  firstAnswerDays: 'batas tanggapan pertama',
  infoRequestDays: 'batas jawaban pelapor',
  conclusionDays: 'batas penyelesaian',
  requireTotp: 'kewajiban verifikasi dua langkah',
  identityViewNeedsApproval: 'persetujuan akses identitas',
  emailFrom: 'alamat pengirim email',
};

const REASON_LABELS: Record<string, string> = {
  ...(REJECTION_REASON_LABELS as Record<RejectionReason, string>),
  wrong_password: 'kata sandi salah',
  inactive_wrong_password: 'akun nonaktif, kata sandi salah',
  wrong_code: 'kode verifikasi salah',
  inactive: 'akun nonaktif',
  spam: 'spam',
};

const OUTCOME_TEXT: Record<(typeof OUTCOMES)[number], string> = {
  terbukti_etik: 'terbukti — pelanggaran kode etik',
  terbukti_disiplin: 'terbukti — pelanggaran disiplin',
  tidak_terbukti: 'tidak terbukti',
};

const REFERRAL_TEXT: Record<string, string> = {
  inspektorat: 'Inspektorat',
  aph: 'Aparat Penegak Hukum',
  kpk: 'KPK',
  lainnya: 'instansi lain',
};

const ROLE_TEXT: Record<string, string> = {
  officer: 'petugas',
  admin: 'admin',
  pelapor: 'pelapor',
  saksi: 'saksi',
  terlapor: 'terlapor',
};

const NOTIFY_TEXT: Record<string, string> = { immediate: 'segera, satu email per kejadian', digest: 'ringkasan harian' };
const IDENTITY_STATUS_TEXT: Record<string, string> = { pending: 'menunggu persetujuan admin', approved: 'disetujui langsung', denied: 'ditolak' };
const DIRECTION_TEXT: Record<string, string> = { up: 'naik satu urutan', down: 'turun satu urutan' };
const SUMMONS_RESPONSE_TEXT: Record<string, string> = {
  confirm: 'akan hadir',
  decline: 'tidak dapat hadir',
  another_time: 'meminta waktu lain',
  written: 'menjawab secara tertulis',
};
const SECTION_TEXT: Record<string, string> = { hasil_evaluasi: 'hasil evaluasi', tindak_lanjut: 'tindak lanjut' };

function stateText(value: unknown): string {
  return isCaseState(value) ? officerLabel(value) : ROLE_TEXT[String(value)] ?? String(value);
}

function dateText(value: unknown): string {
  const text = String(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatOfficeDate(officeInstant(text, '12:00')) : text;
}

const count = (value: unknown, unit: string) => `${Number(value).toLocaleString('id-ID')} ${unit}`;
const numbered = (noun: string) => (value: unknown) => `${noun} #${String(value)}`;

/** One detail key as Indonesian; each returns a fragment, or null to leave the key out. */
const DETAIL_TEXT: Record<string, (value: unknown) => string | null> = {
  reason: (value) => `alasan: ${REASON_LABELS[String(value)] ?? String(value)}`,
  outcome: (value) => `hasil: ${OUTCOME_TEXT[value as keyof typeof OUTCOME_TEXT] ?? String(value)}`,
  referredTo: (value) => `dilimpahkan kepada ${REFERRAL_TEXT[String(value)] ?? String(value)}`,
  role: (value) => `pihak: ${ROLE_TEXT[String(value)] ?? String(value)}`,
  mode: (value) => `menjadi ${NOTIFY_TEXT[String(value)] ?? String(value)}`,
  status: (value) => IDENTITY_STATUS_TEXT[String(value)] ?? `status: ${String(value)}`,
  totp: (value) => (value ? 'dengan verifikasi dua langkah' : 'tanpa verifikasi dua langkah'),
  totpConfirmed: (value) => (value ? 'dikonfirmasi dengan kode verifikasi' : null),
  soleAdmin: (value) => (value ? 'satu-satunya admin' : null),
  officersMailed: (value) => (value ? null : 'petugas tidak diberi tahu lewat email (diduga spam)'),
  spamScore: (value) => `skor spam ${String(value)}`,
  date: (value) => `tanggal ${dateText(value)}`,
  fields: (value) => {
    const names = (Array.isArray(value) ? value : [value]).map((key) => SETTING_LABELS[String(key)] ?? String(key));
    return `yang diubah: ${names.join(', ')}`;
  },
  files: (value) => (Number(value) > 0 ? count(value, 'berkas') : 'tanpa berkas'),
  length: (value) => count(value, 'karakter'),
  period: (value) => `periode ${String(value)}`,
  section: (value) => `bagian ${SECTION_TEXT[String(value)] ?? String(value)}`,
  targetOfficerId: numbered('akun petugas'),
  requestId: numbered('permintaan'),
  infoRequestId: numbered('permintaan kelengkapan'),
  summonsId: numbered('pemanggilan'),
  messageId: numbered('pesan'),
  emailId: numbered('email'),
  attachmentId: numbered('berkas'),
  seq: numbered('urutan'),
  categoryId: numbered('kategori'),
  slug: () => null,
  direction: (value) => DIRECTION_TEXT[String(value)] ?? null,
  assignee: numbered('akun petugas'),
  recusalId: numbered('pernyataan konflik kepentingan'),
  months: (value) => `${count(value, 'bulan')} setelah kasus ditutup`,
  dueNow: (value) => `${count(value, 'kasus')} langsung jatuh tempo`,
  caseNumber: (value) => `kasus ${String(value)}`,
  infoRequestIds: (value) => `${count(Array.isArray(value) ? value.length : 1, 'permintaan kelengkapan')} ditutup`,
  closedInfoRequestIds: (value) =>
    Array.isArray(value) && value.length > 0 ? `${count(value.length, 'permintaan kelengkapan')} ikut ditutup` : null,
  repair: (value) => (value ? 'perbaikan data lama saat aplikasi dimulai' : null),
  responseId: numbered('tanggapan'),
  kind: (value) => `tanggapan: ${SUMMONS_RESPONSE_TEXT[String(value)] ?? 'lainnya'}`,
  nonWorkingDayConfirmed: (value) => (value ? 'pada hari libur, sudah dikonfirmasi' : null),
  j: numbered('urutan'),
};

/** Detail keys that have a name above (the unit test checks those the code writes). */
export const AUDIT_DETAIL_KEYS: readonly string[] = [...Object.keys(DETAIL_TEXT), 'from', 'to'];

/**
 * The details of an entry as one Indonesian line: a move reads "dari Verifikasi ke
 * Dilimpahkan", then each other key by its own rule. A key without a rule (a newer
 * version's row) is shown as "keterangan lain" rather than as code.
 */
export function formatAuditDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object' || Array.isArray(detail)) return '';
  const entries = detail as Record<string, unknown>;
  const parts: string[] = [];
  if ('from' in entries && 'to' in entries) parts.push(`dari ${stateText(entries.from)} ke ${stateText(entries.to)}`);
  let unknown = 0;
  for (const [key, value] of Object.entries(entries)) {
    if (key === 'from' || key === 'to' || value === undefined || value === null) continue;
    const rule = DETAIL_TEXT[key];
    if (!rule) {
      unknown += 1;
      continue;
    }
    const text = rule(value);
    if (text) parts.push(text);
  }
  if (unknown > 0) parts.push('keterangan lain');
  return parts.join(' · ');
}
