import type { OutboxStatus } from '@/lib/admin/outbox';

/** The outbox pages' Indonesian words for statuses and email kinds. */

export const STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: 'Menunggu',
  sending: 'Sedang dikirim',
  sent: 'Terkirim',
  failed: 'Gagal',
  captured: 'Disimpan, tidak dikirim',
};

/** Badge colours per status; text and border keep 4.5:1 on the light fill. */
export const STATUS_BADGE: Record<OutboxStatus, string> = {
  pending: 'border-slate-500 bg-slate-50 text-slate-800',
  sending: 'border-sky-700 bg-sky-50 text-sky-900',
  sent: 'border-green-700 bg-green-50 text-green-900',
  failed: 'border-red-700 bg-red-50 text-red-800',
  captured: 'border-amber-600 bg-amber-50 text-amber-900',
};

const KIND_LABELS: Record<string, string> = {
  new_report: 'Laporan baru',
  reporter_replied: 'Jawaban atau pesan pelapor',
  info_request_expired: 'Batas waktu kelengkapan terlewati',
  summons_reminder: 'Pengingat pemanggilan',
  deadline_digest: 'Ringkasan tenggat harian',
  reporter_update: 'Pembaruan untuk pelapor',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}


/** The note shown while RESEND_API_KEY is unset: nothing leaves the server. */
export const NOT_CONFIGURED_NOTE = 'Pengiriman email belum dikonfigurasi: email disimpan di sini dan tidak dikirim.';
