import { and, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { categories } from '@/lib/db/schema';
import { AppError, GENERIC_ERROR_MESSAGE, logUnexpected } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import { chosenFiles, prepareEvidence } from '@/lib/storage/evidence';
import { checkEvidenceList } from '@/lib/storage/evidence-rules';
import type { BlobStore } from '@/lib/storage';
import { claimPendingUploads, openPendingUploads, removeClaimedUploads, type OpenedPendingUpload } from './pending-uploads';
import { StorageUnavailableError } from '@/lib/storage/backend';
import { parseReportFields } from './schemas';
import { submitReport, type SubmittedReport } from './submit';

export type ReportSubmissionResult =
  | { ok: true; submitted: SubmittedReport }
  | { ok: false; message: string; fieldErrors: Record<string, string> };

export const FORM_ERROR_SUMMARY = 'Laporan belum terkirim. Periksa kembali isian yang ditandai di bawah.';

/** The evidence store (uploadthing) could not take the files: nothing was kept, the typed input comes back. */
export const STORAGE_UNAVAILABLE_MESSAGE =
  'Laporan belum terkirim: layanan penyimpanan berkas bukti sedang terganggu, sehingga tidak ada yang tersimpan. Isian Anda tetap ada di halaman ini; silakan kirim kembali beberapa saat lagi.';
const STORAGE_UNAVAILABLE_FIELD = 'Berkas bukti belum dapat disimpan. Pilih ulang berkasnya sebelum mengirim kembali.';

/**
 * The whole submission from a posted form: validate every text field, then the
 * category, then the files, and only then store. Every refusal comes back with
 * per-field Indonesian messages; nothing is stored on any refusal.
 */
export async function handleReportSubmission(
  db: Database,
  formData: FormData,
  options: { store?: BlobStore; pendingToken?: string } = {},
): Promise<ReportSubmissionResult> {
  const parsed = parseReportFields(formData);
  const fieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };

  const settings = await getSettings(db);
  let categoryId: number | undefined;
  const slug = formData.get('category');
  if (typeof slug === 'string' && slug !== '') {
    const [category] = await db
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.slug, slug), eq(categories.active, true)))
      .limit(1);
    if (category) categoryId = category.id;
    else fieldErrors.category ??= 'Pilih kategori pelanggaran dari daftar.';
  }

  const files = chosenFiles(formData.getAll('evidence'));
  // Files sent ahead (JavaScript on) are named by id; they count with the posted ones.
  const uploadIds = formData.getAll('upload').filter((v): v is string => typeof v === 'string' && v !== '');
  let early: OpenedPendingUpload[] = [];
  if (uploadIds.length > 0) {
    const opened = await openPendingUploads(db, { ids: uploadIds, token: options.pendingToken, store: options.store });
    if (opened.ok) early = opened.uploads;
    else fieldErrors.evidence = opened.message;
  }
  let prepared: Awaited<ReturnType<typeof prepareEvidence>> = [];
  const together = checkEvidenceList([...early.map((u) => u.info), ...files], settings);
  if (together) fieldErrors.evidence ??= together.message;
  else {
    try {
      prepared = [...early.map((u) => u.file), ...(await prepareEvidence(files, settings))];
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      fieldErrors.evidence = error.userMessage;
    }
  }

  if (!parsed.ok || Object.keys(fieldErrors).length > 0 || categoryId === undefined) {
    return { ok: false, message: FORM_ERROR_SUMMARY, fieldErrors };
  }

  try {
    const submitted = await submitReport(db, {
      report: parsed.report,
      categoryId,
      files: prepared,
      honeypot: typeof formData.get('website') === 'string' ? (formData.get('website') as string) : null,
      store: options.store,
      inTransaction: early.length > 0 ? (tx) => claimPendingUploads(tx, { ids: early.map((u) => u.id), token: options.pendingToken! }) : undefined,
    });
    if (early.length > 0) await removeClaimedUploads(db, early.map((u) => u.id), options.store).catch((error) => logUnexpected('removing claimed uploads', error));
    return { ok: true, submitted };
  } catch (error) {
    if (error instanceof AppError && error.code === 'pending_upload_gone') {
      return { ok: false, message: FORM_ERROR_SUMMARY, fieldErrors: { evidence: error.userMessage } };
    }
    logUnexpected('report submission', error);
    if (error instanceof StorageUnavailableError) {
      return { ok: false, message: STORAGE_UNAVAILABLE_MESSAGE, fieldErrors: { evidence: STORAGE_UNAVAILABLE_FIELD } };
    }
    return { ok: false, message: GENERIC_ERROR_MESSAGE, fieldErrors: {} };
  }
}
