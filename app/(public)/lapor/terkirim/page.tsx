import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { TicketReceipt, type ReceiptNotice } from '@/components/forms/ticket-receipt';
import { claimReceiptView, RECEIPT_COOKIE, type ReceiptPayload } from '@/lib/cases/receipt';
import { getDb } from '@/lib/db/client';
import { unseal } from '@/lib/security/sealed-cookie';

export const metadata: Metadata = { title: 'Laporan Terkirim' };

/** Reads the sealed receipt cookie; the ticket is shown only on the first view. */
async function takeTicket(): Promise<string | null> {
  const raw = unseal((await cookies()).get(RECEIPT_COOKIE)?.value, 'receipt');
  if (!raw) return null;
  const { ticket, nonce } = JSON.parse(raw) as ReceiptPayload;
  return (await claimReceiptView(getDb(), nonce)) ? ticket : null;
}

const NOTICES: readonly ReceiptNotice[] = ['kosong', 'salah', 'peringatan'];

export default async function ReceiptPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ticket = await takeTicket();
  const asked = (await searchParams).konfirmasi;
  const notice = NOTICES.find((value) => value === asked);
  if (!ticket) {
    return (
      <div className="mx-auto max-w-2xl space-y-4 px-4 py-6">
        <h1 className="text-2xl font-bold">Kode tiket tidak dapat ditampilkan lagi</h1>
        <p>
          Demi keamanan Anda, kode tiket hanya ditampilkan satu kali, tepat setelah laporan terkirim, dan tidak disimpan di
          perangkat maupun di server.
        </p>
        <p>
          Bila Anda sudah menyimpannya, gunakan kode itu di halaman Cek Status. Bila belum sempat menyimpannya, laporan
          Anda tetap diterima dan akan diproses; untuk dapat mengikuti perkembangannya, Anda dapat mengirim laporan baru
          dan menyebutkan bahwa laporan ini merupakan tambahan dari laporan sebelumnya.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/status" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
            Cek Status Laporan
          </Link>
          <Link href="/" className="rounded-md border border-slate-400 px-4 py-2 font-semibold text-slate-900">
            Ke Beranda
          </Link>
        </div>
      </div>
    );
  }
  return <TicketReceipt ticket={ticket} notice={notice} />;
}
