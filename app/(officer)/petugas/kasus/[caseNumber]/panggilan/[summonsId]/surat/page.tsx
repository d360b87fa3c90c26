import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { requireOfficer, type AuthorizedOfficer } from '@/lib/auth/session';
import { loadSummonsLetter, type SummonsLetter } from '@/lib/cases/summons-documents';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { PrintButton } from './print-button';

type Props = { params: Promise<{ caseNumber: string; summonsId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { caseNumber } = await params;
  return { title: `Surat Panggilan · Kasus ${caseNumber}` };
}

/**
 * A4 print rules for this page only. The officer layout's header and navigation are
 * hidden when printing (the layout could carry `print:hidden` itself; this keeps the
 * letter clean either way), and the page margins follow the usual official-letter
 * layout (wider on the binding side).
 */
const PRINT_CSS = `
@page { size: A4; margin: 20mm 20mm 20mm 30mm; }
@media print {
  html, body { background: #fff !important; }
  header, nav, a[href="#konten"] { display: none !important; }
  #konten { max-width: none !important; margin: 0 !important; padding: 0 !important; }
}
`;

const STATUS_NOTICE: Partial<Record<SummonsLetter['status'], string>> = {
  cancelled: 'Pemanggilan ini telah dibatalkan. Surat ini tidak berlaku.',
  rescheduled: 'Pemanggilan ini telah dijadwalkan ulang. Gunakan surat untuk jadwal yang baru; surat ini tidak berlaku.',
};

/**
 * /petugas/kasus/[caseNumber]/panggilan/[summonsId]/surat: the printable summons letter.
 * It names only its addressee and says only when, where and what for (the agenda):
 * nothing of the report, nothing of who reported, and not in what role the person is
 * summoned. Each view is in the audit log.
 */
export default async function SummonsLetterPage({ params }: Props) {
  const { caseNumber, summonsId } = await params;

  let officer: AuthorizedOfficer | null = null;
  try {
    officer = await requireOfficer();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
  if (!officer) redirect('/petugas/masuk');

  let letter: SummonsLetter | null = null;
  let erased = false;
  try {
    letter = await loadSummonsLetter(getDb(), officer, caseNumber, summonsId);
  } catch (error) {
    erased = error instanceof AppError && error.code === 'case_content_erased';
    if (!(error instanceof AppError && error.code === 'summons_not_found') && !erased) throw error;
  }
  // An erased case has no letter to print: its page says when the content was erased.
  if (erased) redirect(`/petugas/kasus/${encodeURIComponent(caseNumber)}`);
  if (!letter) notFound();

  const { office } = letter;
  const notice = STATUS_NOTICE[letter.status];
  const contact = [
    office.officePhone ? `Telepon ${office.officePhone}` : null,
    office.officeEmail ? `Email ${office.officeEmail}` : null,
  ].filter(Boolean);

  return (
    <div>
      <style>{PRINT_CSS}</style>

      <div className="mb-6 space-y-3 print:hidden">
        <p>
          <a
            href={`/petugas/kasus/${encodeURIComponent(letter.caseNumber)}`}
            className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800"
          >
            ← Kembali ke kasus {letter.caseNumber}
          </a>
        </p>
        <h1 className="text-2xl font-bold text-slate-900">Surat Panggilan</h1>
        <p className="text-slate-700">
          Pemanggilan {letter.roleLabel} · Kasus {letter.caseNumber}. Periksa isi surat, lalu cetak untuk
          ditandatangani.
        </p>
        {notice ? (
          <p role="status" className="rounded-md border border-amber-400 bg-amber-50 px-4 py-3 font-semibold text-amber-900">
            {notice}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <PrintButton />
          <a
            href={`/petugas/kasus/${encodeURIComponent(letter.caseNumber)}/panggilan/${letter.summonsId}/ics`}
            className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800"
          >
            Unduh jadwal ke kalender (.ics)
          </a>
        </div>
        <p className="text-sm text-slate-600">
          Untuk mencetak, tekan tombol Cetak atau gunakan menu Cetak pada browser (Ctrl+P). Pilih ukuran kertas A4.
        </p>
      </div>

      <article
        aria-label="Surat panggilan"
        className="mx-auto max-w-[210mm] bg-white px-4 py-6 font-serif sm:px-[20mm] sm:py-[18mm] text-[12pt] leading-snug text-black shadow-md ring-1 ring-slate-200 print:max-w-none print:p-0 print:shadow-none print:ring-0"
      >
        {notice ? (
          <p className="mb-4 hidden border-2 border-black p-2 text-center font-bold uppercase print:block">{notice}</p>
        ) : null}

        <div className="border-b-4 border-double border-black pb-3 text-center">
          <p className="text-[13pt] font-bold uppercase">{office.parentOrganisation}</p>
          <p className="text-[15pt] font-bold uppercase">{office.officeName}</p>
          <p className="text-[10pt]">{office.officeAddress}</p>
          {contact.length > 0 ? <p className="text-[10pt]">{contact.join(' · ')}</p> : null}
        </div>

        <p className="mt-6 text-right">
          {letter.letterPlace}, {letter.letterDate}
        </p>

        <table className="mt-4 border-collapse">
          <tbody>
            <LetterRow label="Nomor" value={letter.letterNumber} />
            <LetterRow label="Sifat" value="Rahasia" />
            <LetterRow label="Lampiran" value="-" />
            <LetterRow label="Perihal" value="Panggilan" bold />
          </tbody>
        </table>

        <div className="mt-6">
          <p>Kepada Yth.</p>
          <p className="font-bold">Saudara/i {letter.addressee}</p>
          <p>di</p>
          <p className="pl-8">Tempat</p>
        </div>

        <p className="mt-6 indent-12 text-justify">
          Dalam rangka penanganan pengaduan melalui Whistleblowing System {office.officeName}, dengan ini kami
          mengharapkan kehadiran Saudara/i pada:
        </p>

        <table className="mt-3 border-collapse sm:ml-12">
          <tbody>
            <LetterRow label="Hari/Tanggal" value={letter.day} />
            <LetterRow label="Waktu" value={`${letter.time} s.d. selesai`} />
            <LetterRow label="Tempat" value={letter.place} />
            <LetterRow label="Agenda" value={letter.agenda} />
          </tbody>
        </table>

        <p className="mt-4 indent-12 text-justify">
          Mengingat pentingnya hal tersebut, kehadiran Saudara/i sangat kami harapkan
          {letter.respondAt ? (
            <>
              . Mohon sampaikan konfirmasi kehadiran, permintaan waktu lain, atau jawaban tertulis atas agenda di atas melalui
              halaman Cek Status {letter.respondAt} dengan memasukkan kode tiket laporan Anda; identitas Anda tidak diminta
            </>
          ) : office.officePhone ? (
            <>. Apabila berhalangan hadir, mohon memberitahukan kepada kami melalui telepon {office.officePhone}</>
          ) : null}
          . Demikian surat panggilan ini disampaikan; atas perhatian dan kehadiran Saudara/i, kami ucapkan terima
          kasih.
        </p>

        <div className="mt-8 ml-auto w-full max-w-[80mm] break-inside-avoid">
          <p className="font-bold">Kepala {office.officeName},</p>
          <div className="h-[25mm]" aria-label="Ruang tanda tangan dan cap" />
          <p>
            <span className="inline-block w-full border-b border-dotted border-black" aria-label="Nama penanda tangan">
              &nbsp;
            </span>
          </p>
          <p className="mt-1">
            NIP.{' '}
            <span className="inline-block w-[60mm] max-w-[70%] border-b border-dotted border-black" aria-label="NIP penanda tangan">
              &nbsp;
            </span>
          </p>
        </div>

        <p className="mt-8 border-t border-black pt-1 text-[9pt] italic">
          Surat ini bersifat rahasia dan hanya ditujukan kepada yang bersangkutan.
        </p>
      </article>
    </div>
  );
}

function LetterRow({ label, value, bold = false }: { label: string; value: string; bold?: boolean }) {
  return (
    <tr className="align-top">
      <td className="py-0.5 pr-2 whitespace-nowrap">{label}</td>
      <td className="py-0.5 pr-2">:</td>
      <td className={`py-0.5 whitespace-pre-line ${bold ? 'font-bold' : ''}`}>{value}</td>
    </tr>
  );
}
