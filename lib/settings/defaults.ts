/**
 * Defaults for a new install, for the first office (Biro Umum Setda Provinsi NTT).
 * Everything an office changes to run its own copy is here and stored in the database.
 */

export type OfficeSettings = {
  officeName: string;
  parentOrganisation: string;
  officeAddress: string;
  officePhone: string;
  officeEmail: string;
  /** The city a summons letter is dated in ("Kupang, 10 Juni 2026"). */
  letterPlace: string;
  /** The inspectorate a case can be referred to (the first referral target on the case page). */
  referralInspectorate: string;
  /** Evidence limits for one submission. */
  maxFiles: number;
  maxFileBytes: number;
  maxSubmissionBytes: number;
  /** Files the reporter may add to one case per day (messages and answers together). */
  maxCaseFilesPerDay: number;
  maxCaseBytesPerDay: number;
  /** Deadlines (working days unless said otherwise). */
  verificationStartDays: number;
  firstAnswerDays: number;
  infoRequestDays: number;
  conclusionDays: number;
  requireTotp: boolean;
  identityViewNeedsApproval: boolean;
  emailFrom: string;
};

export const MB = 1024 * 1024;

export const DEFAULT_SETTINGS: OfficeSettings = {
  officeName: 'Biro Umum Setda Provinsi NTT',
  parentOrganisation: 'Sekretariat Daerah Provinsi Nusa Tenggara Timur',
  officeAddress: 'Kupang, Nusa Tenggara Timur',
  officePhone: '(0380) 827738',
  officeEmail: '',
  letterPlace: 'Kupang',
  referralInspectorate: 'Inspektorat Daerah Provinsi NTT',
  maxFiles: 10,
  maxFileBytes: 10 * MB,
  maxSubmissionBytes: 30 * MB,
  maxCaseFilesPerDay: 20,
  maxCaseBytesPerDay: 60 * MB,
  verificationStartDays: 3,
  firstAnswerDays: 14,
  infoRequestDays: 14,
  conclusionDays: 60,
  // Safe by default in a system that holds reporter identities: every officer enrols in
  // two-step sign-in at first sign-in, and an admin approves every identity request.
  requireTotp: true,
  identityViewNeedsApproval: true,
  emailFrom: 'WBS Biro Umum <wbs@localhost>',
};

/** Default categories from Indonesian WBS practice (DESIGN.md). */
export const DEFAULT_CATEGORIES: { slug: string; label: string }[] = [
  { slug: 'korupsi', label: 'Korupsi' },
  { slug: 'gratifikasi-suap', label: 'Gratifikasi dan suap' },
  { slug: 'pungutan-liar', label: 'Pungutan liar' },
  { slug: 'penyalahgunaan-wewenang', label: 'Penyalahgunaan wewenang' },
  { slug: 'benturan-kepentingan', label: 'Benturan kepentingan' },
  { slug: 'nepotisme-kkn', label: 'Nepotisme / KKN' },
  { slug: 'maladministrasi', label: 'Maladministrasi' },
  { slug: 'kode-etik', label: 'Pelanggaran kode etik dan perilaku' },
  { slug: 'disiplin-asn', label: 'Pelanggaran disiplin ASN' },
  { slug: 'pengadaan', label: 'Penyimpangan pengadaan barang/jasa' },
  { slug: 'lainnya', label: 'Lainnya' },
];
