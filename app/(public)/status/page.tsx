import type { Metadata } from 'next';
import { StatusLookupForm } from '@/components/forms/status-lookup-form';
import { ReporterReplyForm } from '@/components/forms/reporter-reply-form';
import { StatusBadge } from '@/components/ui/status-badge';
import { loadReporterView, type ReporterFile, type ReporterView } from '@/lib/cases/reporter-view';
import { formatBytes, formatFileType } from '@/lib/format';
import { getDb } from '@/lib/db/client';
import { answerInformationRequestAction, endStatusSession, lookupStatus, sendReporterMessageAction } from './actions';
import { caseIdFromStatusCookie } from './session';
import { DateText } from '@/components/ui/date-text';
import { FormMessage } from '@/components/forms/form-message';
import { ReporterSummonsPanel } from '@/components/summons/reporter-summons-panel';
import { respondToSummonsAction } from './summons-actions';

export const metadata: Metadata = { title: 'Cek Status Laporan' };

/**
 * /status. The ticket travels only in the sealed `wbs_status` cookie set by the lookup
 * action, never in the URL. Reading cookies makes the page dynamic, so Next.js sends
 * `Cache-Control: no-store` and the browser keeps no copy of the case.
 */
const SENT_MESSAGES: Record<string, string> = {
  jawaban: 'Jawaban Anda telah terkirim. Petugas akan memeriksanya kembali.',
  pesan: 'Pesan Anda telah terkirim kepada petugas.',
};

export default async function StatusPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sent = (await searchParams).terkirim;
  const caseId = await caseIdFromStatusCookie();
  const view = caseId ? await loadReporterView(getDb(), caseId) : null;

  return (
    // The public layout supplies <main>; this page only fills it.
    <div className="mx-auto w-full max-w-2xl">
      <h1 className="text-2xl leading-tight font-bold text-slate-900">Cek Status Laporan</h1>
      {view && typeof sent === 'string' && SENT_MESSAGES[sent] ? (
        <div className="mt-4">
          <FormMessage state={{ status: 'success', message: SENT_MESSAGES[sent] }} />
        </div>
      ) : null}
      {view && caseId ? <CaseStatus view={view} caseId={caseId} /> : <Lookup />}
    </div>
  );
}

function Lookup() {
  return (
    <div className="mt-4 space-y-6">
      <p className="text-slate-700">
        Masukkan kode tiket yang Anda terima saat mengirim laporan untuk melihat perkembangan
        penanganannya, menjawab permintaan kelengkapan informasi, dan melihat undangan klarifikasi.
      </p>
      <div className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <StatusLookupForm action={lookupStatus} />
      </div>
      <div className="space-y-2 text-sm text-slate-700">
        <p>
          Kode tiket adalah satu-satunya akses ke laporan Anda. Petugas tidak dapat melihat atau
          mengirim ulang kode tersebut, jadi simpanlah di tempat yang aman.
        </p>
        <p>
          Belum pernah melapor?{' '}
          {/* A plain link, like the other public pages: no router prefetching. */}
          <a href="/lapor" className="font-semibold text-brand-700 underline underline-offset-2">
            Sampaikan laporan
          </a>
        </p>
      </div>
    </div>
  );
}

const QUESTION_STATUS: Record<string, string> = {
  open: 'Menunggu jawaban Anda',
  answered: 'Sudah dijawab',
  expired: 'Lewat batas waktu',
  closed: 'Ditutup karena kasus selesai',
};

/**
 * The case as the reporter sees it, "what now?" first: the state in plain words, what is
 * waiting for them (a question with its due date, a summons), the outcome once closed;
 * then the thread newest first, each question with its answer and the files received.
 */
function CaseStatus({ view, caseId }: { view: ReporterView; caseId: number }) {
  // An open question is answered in "Menunggu jawaban Anda" above, so the thread leaves it
  // out; on a closed case nothing can be answered any more and it stays in the thread.
  const waiting = view.open ? view.openInfoRequests : [];
  const thread = view.thread.filter((item) => !(view.open && item.kind === 'question' && item.status === 'open'));
  return (
    <div className="mt-4 space-y-6">
      <section aria-labelledby="now-heading" data-testid="what-now" className="rounded-lg border-2 border-brand-700 bg-white p-4 sm:p-6">
        <h2 id="now-heading" className="text-lg font-semibold">
          Status laporan Anda
        </h2>
        <div className="mt-3">
          <StatusBadge label={view.stateLabel} />
        </div>
        <p className="mt-3 text-slate-900">{view.now}</p>
        <p className="mt-2 text-sm text-slate-700">
          Dikirim pada <DateText at={view.submittedAt} />
        </p>
        {view.erasedAt ? (
          <p className="mt-3 rounded-md border border-slate-400 bg-slate-50 p-3" data-testid="content-erased">
            <strong>
              Isi kasus dihapus pada <DateText at={view.erasedAt} />.
            </strong>{' '}
            Masa simpan laporan Anda telah berakhir: isi laporan, bukti, dan percakapan telah dihapus dan tidak dapat dibaca
            lagi oleh siapa pun, termasuk petugas. Status akhirnya tetap ditampilkan di sini.
          </p>
        ) : null}
        {view.outcome ? (
          <div data-testid="outcome" className="mt-4 rounded-md border border-slate-300 bg-slate-50 p-3">
            <h3 className="font-semibold">{view.outcome.heading}</h3>
            {view.outcome.text ? <p className="mt-1 whitespace-pre-line break-words">{view.outcome.text}</p> : null}
          </div>
        ) : null}
      </section>

      {waiting.length > 0 && (
        <section aria-labelledby="info-heading" className="rounded-lg border border-amber-600 bg-amber-50 p-4 sm:p-6">
          <h2 id="info-heading" className="text-lg font-semibold">
            Menunggu jawaban Anda
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            Petugas memerlukan keterangan tambahan dari Anda agar laporan dapat diproses.
          </p>
          <ul className="mt-4 space-y-4">
            {waiting.map((request) => (
              <li key={request.id} className="rounded-md border border-amber-300 bg-white p-3">
                <p className="text-sm font-semibold text-amber-900">
                  Jawab paling lambat <DateText at={request.dueAt} />
                </p>
                <p className="mt-1 whitespace-pre-line break-words">{request.questions}</p>
                {/* The action re-reads the status cookie and checks that the request
                    belongs to that case; the id alone proves nothing. */}
                <ReporterReplyForm kind="answer" action={answerInformationRequestAction} infoRequestId={request.id} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <ReporterSummonsPanel caseId={caseId} action={respondToSummonsAction} />

      {(thread.length > 0 || view.open) && (
        <section aria-labelledby="thread-heading" className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
          <h2 id="thread-heading" className="text-lg font-semibold">
            Percakapan dengan petugas
          </h2>
          <p className="mt-1 text-sm text-slate-700">Yang terbaru di atas.</p>
          {view.open ? <ReporterReplyForm kind="message" action={sendReporterMessageAction} /> : null}
          {thread.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">Belum ada pesan.</p>
          ) : (
            <ol className="mt-4 space-y-3" data-testid="thread">
              {thread.map((item, index) => (
                <li key={index} data-testid="thread-item">
                  {item.kind === 'question' ? <QuestionItem item={item} /> : <MessageItem item={item} />}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}

      <section aria-labelledby="timeline-heading" className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          Riwayat penanganan
        </h2>
        {view.timeline.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">Belum ada pembaruan.</p>
        ) : (
          <ol className="mt-4 space-y-4 border-l-2 border-slate-300 pl-4">
            {[...view.timeline].reverse().map((entry, index) => (
              <li key={index}>
                <p className="text-sm text-slate-600">
                  <DateText at={entry.at} />
                </p>
                <p className="font-semibold">{entry.label}</p>
                {entry.note && <p className="mt-1 whitespace-pre-line break-words text-slate-800">{entry.note}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="end-heading" className="space-y-3 rounded-lg border border-slate-300 bg-slate-100 p-4 sm:p-6">
        <h2 id="end-heading" className="text-lg font-semibold">
          Sudah selesai membaca?
        </h2>
        <p className="text-sm text-slate-700">
          Halaman ini tidak disimpan di perangkat Anda, dan kode tiket tidak tercantum di alamat
          halaman maupun riwayat peramban. Akses berakhir otomatis setelah 30 menit. Jika Anda
          memakai perangkat bersama, tekan tombol di bawah ini: akses diakhiri di server, sehingga
          tidak dapat dibuka lagi dari perangkat ini maupun dari salinannya.
        </p>
        <form action={endStatusSession}>
          <button
            type="submit"
            className="inline-flex min-h-12 w-full items-center justify-center rounded-lg border-2 border-brand-700 bg-white px-5 py-3 text-base font-semibold text-brand-800 hover:bg-brand-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600 sm:w-auto"
          >
            Keluar dari halaman status
          </button>
        </form>
      </section>
    </div>
  );
}

type ThreadItem = ReporterView['thread'][number];

function FilesReceived({ files }: { files: ReporterFile[] }) {
  if (files.length === 0) return null;
  return (
    <div className="mt-2 rounded-md border border-green-700 bg-green-50 p-2 text-sm text-green-950">
      <p className="font-semibold">{files.length === 1 ? 'Berkas Anda sudah diterima:' : `${files.length} berkas Anda sudah diterima:`}</p>
      <ul className="mt-1 space-y-0.5">
        {files.map((file, index) => (
          <li key={index} className="break-words">
            {file.name} <span className="text-green-900">({formatFileType(file.mimeType)}, {formatBytes(file.sizeBytes)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function QuestionItem({ item }: { item: Extract<ThreadItem, { kind: 'question' }> }) {
  return (
    <div className="rounded-md border border-amber-500 bg-amber-50 p-3">
      <p className="text-sm font-semibold text-slate-800">
        Pertanyaan petugas · <DateText at={item.askedAt} format="full" />
      </p>
      <p className="mt-1 whitespace-pre-line break-words">{item.questions}</p>
      <p className="mt-1 text-sm text-slate-800">
        Batas jawaban <DateText at={item.dueAt} /> · <span className="font-semibold">{QUESTION_STATUS[item.status] ?? 'Ditutup'}</span>
      </p>
      {item.answer ? (
        <div className="mt-3 rounded-md border border-slate-200 bg-white p-3">
          <p className="text-sm font-semibold text-slate-800">
            Jawaban Anda · <DateText at={item.answer.at} format="full" />
          </p>
          <p className="mt-1 whitespace-pre-line break-words">{item.answer.body}</p>
          <FilesReceived files={item.answer.files} />
        </div>
      ) : null}
    </div>
  );
}

function MessageItem({ item }: { item: Extract<ThreadItem, { kind: 'message' }> }) {
  return (
    <div className={`rounded-md p-3 ${item.from === 'officer' ? 'border border-brand-100 bg-brand-50' : 'border border-slate-200 bg-slate-50'}`}>
      <p className="text-sm font-semibold text-slate-800">
        {item.from === 'officer' ? 'Petugas' : 'Anda'} · <DateText at={item.at} format="full" />
      </p>
      <p className="mt-1 whitespace-pre-line break-words">{item.body}</p>
      <FilesReceived files={item.files} />
    </div>
  );
}
