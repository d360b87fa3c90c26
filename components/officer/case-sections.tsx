import type { ReactNode } from 'react';
import type { CaseDeadline } from '@/lib/cases/deadlines';
import type { OfficerAttachment, OfficerCaseView, OfficerTimelineEntry } from '@/lib/cases/officer-view';
import { officerLabel } from '@/lib/cases/workflow';
import { DateText } from '@/components/ui/date-text';
import { formatBytes, formatFileType } from '@/lib/format';
import { formatOfficeDate, officeInstant } from '@/lib/office-time';

/*
 * The read-only parts of the case page (server components): report, evidence,
 * deadline, thread and timeline. Dates are shown in WITA whatever the server's zone.
 */

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-judul`} className="scroll-mt-4 space-y-3 rounded-lg border border-slate-300 bg-white p-4 sm:space-y-4 sm:p-6">
      <h2 id={`${id}-judul`} className="text-xl font-bold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

const DEADLINE_KIND_LABELS: Record<CaseDeadline['kind'], string> = {
  verification_start: 'Batas mulai verifikasi',
  first_answer: 'Batas tanggapan pertama kepada pelapor',
  info_request: 'Batas jawaban pelapor',
  conclusion: 'Batas penyelesaian',
};

export function DeadlineNote({ deadline }: { deadline: CaseDeadline | null }) {
  if (!deadline) return null;
  const days = Math.abs(deadline.workingDaysLeft);
  const tone = {
    overdue: 'border-red-700 bg-red-50 text-red-900',
    due_soon: 'border-amber-600 bg-amber-50 text-amber-950',
    ok: 'border-slate-300 bg-slate-50 text-slate-900',
  }[deadline.status];
  const status = {
    overdue: days > 0 ? `Terlambat ${days} hari kerja` : 'Terlambat',
    due_soon: days > 0 ? `Segera jatuh tempo: ${days} hari kerja lagi` : 'Jatuh tempo hari ini',
    ok: `${days} hari kerja lagi`,
  }[deadline.status];
  return (
    <p className={`rounded-md border-2 px-3 py-2 ${tone}`}>
      <span className="font-semibold">{DEADLINE_KIND_LABELS[deadline.kind]}:</span> <DateText at={deadline.dueAt} format="dateTime" zone />{' '}
      <span className="font-semibold">({status})</span>
    </p>
  );
}

function Paragraphs({ text }: { text: string }) {
  return <p className="break-words whitespace-pre-line">{text}</p>;
}

export function ReportDetails({ view }: { view: OfficerCaseView }) {
  const { report } = view;
  const items: [string, ReactNode][] = [
    ['Apa — jenis dan uraian pelanggaran', <Paragraphs key="what" text={report.what} />],
    ['Di mana', <Paragraphs key="where" text={report.where} />],
    [
      'Kapan',
      <p key="when" className="break-words whitespace-pre-line">
        {report.whenText}
        {report.whenDate ? <span className="block text-sm text-slate-700">Tanggal: {formatOfficeDate(officeInstant(report.whenDate, '12:00'))}</span> : null}
      </p>,
    ],
    ['Siapa — pihak lain yang terlibat atau mengetahui', <Paragraphs key="who" text={report.who} />],
    ['Bagaimana — modus', <Paragraphs key="how" text={report.how} />],
  ];
  return (
    <>
      <dl className="space-y-3">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt className="font-semibold text-slate-700">{label}</dt>
            <dd className="mt-0.5">{value}</dd>
          </div>
        ))}
      </dl>
      <div>
        <h3 className="text-lg font-semibold">Terlapor</h3>
        {view.reportedParties.length === 0 ? (
          <p className="text-slate-700">Tidak ada pihak terlapor yang disebutkan.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {view.reportedParties.map((party, index) => (
              <li key={index} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
                <span className="font-semibold">{party.name || 'Nama tidak disebutkan'}</span>
                {party.position ? <span className="block text-sm">Jabatan: {party.position}</span> : null}
                {party.workUnit ? <span className="block text-sm">Unit kerja: {party.workUnit}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

function FileList({ caseNumber, files }: { caseNumber: string; files: OfficerAttachment[] }) {
  return (
    <ul className="space-y-2">
      {files.map((file) => (
        <li key={file.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 rounded-md border border-slate-200 px-3 py-2">
          <a
            href={`/petugas/kasus/${caseNumber}/bukti/${file.id}`}
            className="font-semibold break-all text-brand-700 underline underline-offset-2"
          >
            {file.fileName}
          </a>
          <span className="text-sm text-slate-700">
            {formatFileType(file.mimeType)} · {formatBytes(file.sizeBytes)} · <DateText at={file.createdAt} format="dateTime" zone />
          </span>
        </li>
      ))}
    </ul>
  );
}

export function EvidenceList({ view }: { view: OfficerCaseView }) {
  const withReport = view.attachments.filter((file) => file.messageId === null);
  const withReplies = view.attachments.filter((file) => file.messageId !== null);
  if (view.attachments.length === 0) return <p className="text-slate-700">Pelapor tidak melampirkan bukti.</p>;
  return (
    <>
      <p className="text-sm text-slate-700">
        Diunduh tanpa metadata (kecuali jenis lama seperti .doc) dan dicatat dalam log audit. Buka hanya di perangkat kantor.
      </p>
      {withReport.length > 0 ? (
        <div className="space-y-2">
          <h3 className="font-semibold">Dikirim bersama laporan</h3>
          <FileList caseNumber={view.caseNumber} files={withReport} />
        </div>
      ) : null}
      {withReplies.length > 0 ? (
        <div className="space-y-2">
          <h3 className="font-semibold">Dikirim bersama jawaban atau pesan pelapor</h3>
          <FileList caseNumber={view.caseNumber} files={withReplies} />
        </div>
      ) : null}
    </>
  );
}

const INFO_REQUEST_STATUS: Record<OfficerCaseView['infoRequests'][number]['status'], string> = {
  open: 'Menunggu jawaban',
  answered: 'Sudah dijawab',
  expired: 'Lewat batas waktu',
  closed: 'Ditutup karena kasus selesai',
};

export function Thread({ view }: { view: OfficerCaseView }) {
  const items = [
    ...view.infoRequests.map((request) => ({ at: request.createdAt, key: `r${request.id}`, node: (
      <div className="rounded-md border border-amber-500 bg-amber-50 p-3">
        <p className="text-sm font-semibold text-slate-800">
          Permintaan kelengkapan dari {request.officerName ?? 'petugas'} · <DateText at={request.createdAt} format="dateTime" zone />
        </p>
        <Paragraphs text={request.questions} />
        <p className="mt-1 text-sm text-slate-800">
          Batas jawaban: <DateText at={request.dueAt} /> · <span className="font-semibold">{INFO_REQUEST_STATUS[request.status]}</span>
        </p>
      </div>
    ) })),
    ...view.thread.map((message) => ({ at: message.createdAt, key: `m${message.id}`, node: (
      <div className={`rounded-md border p-3 ${message.author === 'reporter' ? 'border-slate-300 bg-slate-50' : 'border-brand-100 bg-brand-50 sm:ml-8'}`}>
        <p className="text-sm font-semibold text-slate-800">
          {message.author === 'reporter' ? 'Pelapor' : (message.officerName ?? 'Petugas')} · <DateText at={message.createdAt} format="dateTime" zone />
          {message.suspectedSpam ? <span className="ml-2 rounded-full border border-amber-700 bg-amber-50 px-2 py-0.5 text-amber-900">Diduga spam (tidak diberitahukan lewat email)</span> : null}
        </p>
        {message.answers ? (
          <blockquote className="my-1 border-l-4 border-amber-500 pl-2 text-sm text-slate-700">
            Menjawab: <span className="whitespace-pre-line">{message.answers.questions}</span>
          </blockquote>
        ) : null}
        <Paragraphs text={message.body} />
        {message.attachments.length > 0 ? (
          <div className="mt-2">
            <p className="text-sm font-semibold">Lampiran:</p>
            <FileList caseNumber={view.caseNumber} files={message.attachments} />
          </div>
        ) : null}
      </div>
    ) })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (items.length === 0) return <p className="text-slate-700">Belum ada percakapan dengan pelapor.</p>;
  return (
    <ol className="space-y-3">
      {items.map((item) => (
        <li key={item.key}>{item.node}</li>
      ))}
    </ol>
  );
}

const REPORTER_KINDS = new Set(['submitted', 'information_answered', 'message_from_reporter']);

function actorOf(entry: OfficerTimelineEntry): string {
  if (entry.officerName) return entry.officerName;
  return REPORTER_KINDS.has(entry.kind) ? 'Pelapor' : 'Sistem';
}

export function Timeline({ entries }: { entries: OfficerTimelineEntry[] }) {
  return (
    <ol className="space-y-3">
      {entries.map((entry) => (
        <li key={entry.id} className="rounded-md border border-slate-200 p-3">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
            <p className="font-semibold">
              {entry.label}
              {entry.fromState && entry.toState && entry.fromState !== entry.toState ? (
                <span className="font-normal text-slate-700">
                  {' '}
                  ({officerLabel(entry.fromState)} → {officerLabel(entry.toState)})
                </span>
              ) : null}
            </p>
            <span
              className={`rounded-full border px-2 py-0.5 text-xs font-semibold ${entry.visibleToReporter ? 'border-green-700 bg-green-50 text-green-900' : 'border-slate-400 bg-slate-100 text-slate-800'}`}
            >
              {entry.visibleToReporter ? 'Terlihat oleh pelapor' : 'Internal'}
            </span>
          </div>
          <p className="text-sm text-slate-700">
            {actorOf(entry)} · <DateText at={entry.at} format="dateTime" zone />
          </p>
          {entry.publicNote ? (
            <p className="mt-1 text-sm break-words whitespace-pre-line">
              <span className="font-semibold">Untuk pelapor:</span> {entry.publicNote}
            </p>
          ) : null}
          {entry.internalNote ? (
            <p className="mt-1 text-sm break-words whitespace-pre-line">
              <span className="font-semibold">Catatan internal:</span> {entry.internalNote}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
