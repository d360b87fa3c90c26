import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DeadlineNote, EvidenceList, ReportDetails, Section, Thread, Timeline } from '@/components/officer/case-sections';
import { AcceptForm, ConcludeForm, ReferForm, RejectForm, ReturnToInvestigationForm, StartVerificationForm } from '@/components/officer/decision-forms';
import { CaseFirstFacts, CaseTitle } from '@/components/officer/case-title';
import { ErasedCase } from '@/components/officer/erased-case';
import { IdentityPanel } from '@/components/officer/identity-panel';
import { MessageForm } from '@/components/officer/message-form';
import { QuarantineForms } from '@/components/officer/quarantine-forms';
import { RequestInformationForm } from '@/components/officer/request-information-form';
import { ScheduleSummonsForm, SummonsForms } from '@/components/officer/summons-forms';
import { requireOfficer } from '@/lib/auth/session';
import { isCaseNumber } from '@/lib/cases/case-number';
import { infoRequestDueAt, officeDateKey } from '@/lib/cases/deadlines';
import { loadHolidaySet } from '@/lib/cases/holidays';
import { OUTCOME_LABELS, referralLabels, SUMMONS_ROLE_LABELS } from '@/lib/cases/officer-schemas';
import { findAction, loadOfficerCaseView, type OfficerCaseView } from '@/lib/cases/officer-view';
import { REJECTION_REASON_LABELS, REJECTION_REASONS } from '@/lib/cases/workflow';
import { getDb } from '@/lib/db/client';
import { analyzeSpam } from '@/lib/security/spam';
import { getSettings } from '@/lib/settings';
import * as actions from './actions';
import * as assignmentActions from './assignment-actions';
import { AssignmentPanel } from '@/components/officer/assignment-panel';
import { CaseAccessRefusal } from '@/components/officer/case-access-refusal';
import { caseAccessRefusalFor, loadAssignmentPanel } from '@/lib/cases/assignment';
import { markCaseSeen, newestReporterMessageId } from '@/lib/cases/unread';
import { OFFICE_TIME_ZONE } from '@/lib/office-time';
import { DateText } from '@/components/ui/date-text';
import { OfficerSummonsResponses } from '@/components/summons/officer-summons-responses';

type Props = { params: Promise<{ caseNumber: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { caseNumber } = await params;
  return { title: isCaseNumber(caseNumber) ? `Kasus ${caseNumber}` : 'Kasus' };
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: OFFICE_TIME_ZONE });
/** The officer's next step in each state, in a sentence (the forms below carry it out). */
const NEXT_STEP: Record<OfficerCaseView['state'], string> = {
  received: 'laporan baru, belum dibuka. Mulai verifikasi.',
  verifying: 'periksa kelengkapan laporan: nyatakan lengkap, minta kelengkapan, limpahkan, atau tolak.',
  awaiting_info: 'menunggu jawaban pelapor atas permintaan kelengkapan.',
  investigating: 'telaah laporan: jadwalkan pemanggilan, selesaikan, atau limpahkan.',
  hearing_witnesses: 'klarifikasi pelapor dan saksi berjalan; catat kehadiran setelah pertemuan.',
  examining_reported: 'pemeriksaan terlapor berjalan; catat kehadiran, lalu selesaikan atau limpahkan.',
  concluded: 'kasus sudah selesai. Tidak ada tindakan lagi.',
  referred: 'kasus sudah dilimpahkan. Tidak ada tindakan lagi.',
  rejected: 'laporan tidak dapat ditindaklanjuti. Tidak ada tindakan lagi.',
};

const toOptions = (labels: Record<string, string>, keys: readonly string[] = Object.keys(labels)) =>
  keys.map((value) => ({ value, label: labels[value] }));

/**
 * One case for an officer: the report, evidence, the reporter's identity behind a
 * written request, the actions its state allows, summons, the thread and the timeline.
 * The layout gates the area; this page checks the officer again, and every action does.
 */
export default async function CasePage({ params }: Props) {
  const officer = await requireOfficer();
  const { caseNumber } = await params;
  if (!isCaseNumber(caseNumber)) notFound();
  const db = getDb();
  // Recused, or outside a restricted case: a refusal, never data (the read model refuses too).
  const refusal = await caseAccessRefusalFor(db, officer, caseNumber);
  if (refusal) return <CaseAccessRefusal caseNumber={caseNumber} reason={refusal} />;
  const view = await loadOfficerCaseView(db, officer, caseNumber);
  if (!view) notFound();
  if (view.erasedAt) return <ErasedCase view={view} erasedAt={view.erasedAt} />;
  // Opening the case marks the reporter's replies shown here as read for this officer.
  await markCaseSeen(db, officer, view.id, newestReporterMessageId(view.thread));
  const assignmentPanel = await loadAssignmentPanel(db, officer, view.caseNumber);

  const now = new Date();
  const settings = await getSettings(db);
  const holidays = await loadHolidaySet(db, now.getUTCFullYear(), now.getUTCFullYear() + 1);
  const defaultDueDate = officeDateKey(infoRequestDueAt(now, settings, holidays));
  const common = { caseNumber: view.caseNumber, expectedState: view.state };
  const has = (kind: Parameters<typeof findAction>[1]) => findAction(view.allowedActions, kind) !== undefined;
  const summonsRoles = findAction(view.allowedActions, 'schedule_summons')?.roles ?? [];
  const rejectReasons = findAction(view.allowedActions, 'reject')?.reasons ?? REJECTION_REASONS;
  const openRequest = view.infoRequests.find((request) => request.status === 'open');
  // Why the spam check held the report back, read again from what the officer sees.
  const spamReasons = view.quarantined
    ? analyzeSpam({
        texts: [...Object.values(view.report).filter((v): v is string => typeof v === 'string'), ...view.reportedParties.flatMap((p) => [p.name ?? '', p.position ?? '', p.workUnit ?? ''])],
      }).reasons
    : [];

  const nav = [
    ['tindakan', 'Tindakan'],
    ['laporan', 'Laporan'],
    ['percakapan', 'Percakapan'],
    ['bukti', 'Bukti'],
    ['penanganan', 'Penanganan'],
    ['identitas', 'Identitas'],
    ['pemanggilan', 'Pemanggilan'],
    ['riwayat', 'Riwayat'],
  ];

  return (
    <div className="space-y-4">
      <header className="space-y-3">
        <CaseTitle caseNumber={view.caseNumber} stateLabel={view.stateLabel}>
          {view.quarantined ? (
            <span className="rounded-full border border-amber-700 bg-amber-50 px-3 py-1 text-sm font-semibold text-amber-900">Karantina (diduga spam)</span>
          ) : null}
        </CaseTitle>
        {/* What the case needs now and by when, before anything else (a phone shows this first). */}
        <div data-testid="case-now" className="space-y-2">
          <p className="text-slate-900">
            <span className="font-semibold">Sekarang:</span>{' '}
            {view.quarantined ? 'laporan ditahan di karantina (diduga spam): keluarkan bila bukan spam, atau tolak.' : NEXT_STEP[view.state]}
          </p>
          <DeadlineNote deadline={view.deadline} />
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-slate-800">
          <CaseFirstFacts category={view.category} createdAt={view.createdAt} />
          <dt className="font-semibold">Penanggung jawab</dt>
          <dd>
            {view.assignedOfficerName ?? 'Belum ada'} ·{' '}
            <a href="#penanganan" className="text-brand-700 underline underline-offset-2">
              atur
            </a>
          </dd>
        </dl>
        <nav aria-label="Bagian halaman kasus">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {nav.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`} className="text-brand-700 underline underline-offset-2">
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <Section id="tindakan" title="Tindakan">
        <ClosedOrWaiting view={view} openRequestDueAt={openRequest?.dueAt} />
        <QuarantineForms
          {...common}
          available={has('release_quarantine')}
          reasons={spamReasons.map(({ label, points, view: reading, match }) => ({ label, points, reading, match }))}
          releaseAction={actions.releaseFromQuarantineAction}
          rejectAction={actions.rejectAsSpamAction}
        />
        <StartVerificationForm {...common} action={actions.startVerificationAction} available={has('start_verification')} />
        <RequestInformationForm
          {...common}
          action={actions.requestInformationAction}
          available={has('request_information')}
          defaultDueDate={defaultDueDate}
        />
        <AcceptForm {...common} action={actions.acceptAsCompleteAction} available={has('accept')} />
        <ReturnToInvestigationForm {...common} action={actions.returnToInvestigationAction} available={has('return_to_investigation')} />
        <ConcludeForm
          {...common}
          action={actions.concludeCaseAction}
          available={has('conclude')}
          outcomes={toOptions(OUTCOME_LABELS)}
          reportedPartyExamined={view.summons.some((item) => item.role === 'terlapor' && item.status === 'attended')}
        />
        <RejectForm
          {...common}
          action={actions.rejectCaseAction}
          available={has('reject')}
          reasons={toOptions(REJECTION_REASON_LABELS, rejectReasons)}
        />
        <ReferForm {...common} action={actions.referCaseAction} available={has('refer')} targets={toOptions(referralLabels(settings))} />
      </Section>

      <Section id="laporan" title="Laporan">
        <ReportDetails view={view} />
      </Section>

      <Section id="percakapan" title="Percakapan dengan pelapor">
        <Thread view={view} />
        <MessageForm {...common} action={actions.sendMessageAction} available={has('message')} />
      </Section>

      <Section id="bukti" title="Bukti">
        <EvidenceList view={view} />
      </Section>

      {/* Who handles the case, after the thread: the page must reach the thread within three phone screens. */}
      <AssignmentPanel
        panel={assignmentPanel}
        actions={{
          take: assignmentActions.takeCaseAction,
          assign: assignmentActions.assignOfficerAction,
          unassign: assignmentActions.unassignOfficerAction,
          restrict: assignmentActions.setRestrictionAction,
          recuse: assignmentActions.declareRecusalAction,
        }}
      />

      <Section id="identitas" title="Identitas Pelapor">
        {view.anonymous ? (
          <p className="text-slate-700">Laporan ini dikirim secara anonim. Tidak ada identitas pelapor yang tersimpan.</p>
        ) : (
          <IdentityPanel
            {...common}
            access={view.identityAccess}
            requestAction={actions.requestIdentityAccessAction}
            viewAction={actions.viewReporterIdentityAction}
          />
        )}
      </Section>

      <Section id="pemanggilan" title="Pemanggilan">
        {view.summons.length === 0 ? <p className="text-slate-700">Belum ada pemanggilan.</p> : null}
        {view.summons.map((item) => {
          const label = `Pemanggilan ${SUMMONS_ROLE_LABELS[item.role]}: ${item.personName}`;
          const showDocuments = item.status !== 'cancelled' && item.status !== 'rescheduled';
          return (
            <section key={item.id} aria-label={label} className="space-y-3 rounded-md border border-slate-300 p-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold">
                  {SUMMONS_ROLE_LABELS[item.role]}: {item.personName}
                </h3>
                <span className="rounded-full border border-slate-500 px-2 py-0.5 text-sm font-semibold">{item.statusLabel}</span>
              </div>
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="font-semibold">Waktu</dt>
                <dd>
                  <DateText at={item.scheduledAt} format="dateTime" zone />
                </dd>
                <dt className="font-semibold">Tempat</dt>
                <dd className="break-words">{item.place}</dd>
                <dt className="font-semibold">Agenda</dt>
                <dd className="break-words whitespace-pre-line">{item.agenda}</dd>
                {item.letterNumber ? (
                  <>
                    <dt className="font-semibold">Nomor surat</dt>
                    <dd>{item.letterNumber}</dd>
                  </>
                ) : null}
                {item.minutes ? (
                  <>
                    <dt className="font-semibold">Berita acara</dt>
                    <dd className="break-words whitespace-pre-line">{item.minutes}</dd>
                  </>
                ) : null}
                {item.statusReason ? (
                  <>
                    <dt className="font-semibold">Alasan</dt>
                    <dd className="break-words whitespace-pre-line">{item.statusReason}</dd>
                  </>
                ) : null}
              </dl>
              <p className="text-sm text-slate-700">
                {item.role === 'pelapor' ? 'Ditampilkan kepada pelapor.' : 'Tidak ditampilkan kepada pelapor.'}
              </p>
              {item.role === 'pelapor' ? <OfficerSummonsResponses officer={officer} caseId={view.id} summonsId={item.id} /> : null}
              {showDocuments ? (
                <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  <a href={`/petugas/kasus/${view.caseNumber}/panggilan/${item.id}/surat`} className="text-brand-700 underline underline-offset-2">
                    Surat panggilan (cetak)
                  </a>
                  <a href={`/petugas/kasus/${view.caseNumber}/panggilan/${item.id}/ics`} className="text-brand-700 underline underline-offset-2">
                    Tambahkan ke kalender (.ics)
                  </a>
                </p>
              ) : null}
              <SummonsForms
                {...common}
                summonsId={item.id}
                available={item.canChange}
                current={{ date: officeDateKey(item.scheduledAt), time: timeFormat.format(item.scheduledAt), place: item.place, agenda: item.agenda }}
                outcomeAction={actions.recordSummonsOutcomeAction}
                rescheduleAction={actions.rescheduleSummonsAction}
                cancelAction={actions.cancelSummonsAction}
              />
            </section>
          );
        })}
        <ScheduleSummonsForm
          {...common}
          action={actions.scheduleSummonsAction}
          available={summonsRoles.length > 0}
          roles={toOptions(SUMMONS_ROLE_LABELS, summonsRoles)}
        />
      </Section>

      <Section id="riwayat" title="Riwayat">
        <Timeline entries={view.timeline} />
      </Section>
    </div>
  );
}

/** Why there is little or nothing to do: a closed case, or one waiting for the reporter. */
function ClosedOrWaiting({ view, openRequestDueAt }: { view: OfficerCaseView; openRequestDueAt?: Date }) {
  if (view.allowedActions.length === 0) {
    return (
      <div className="rounded-md border border-slate-300 bg-slate-50 p-3">
        <p className="font-semibold">Kasus ini sudah ditutup dengan status “{view.stateLabel}”. Tidak ada tindakan lagi.</p>
        {view.outcome ? <p>Hasil: {view.outcome}</p> : null}
        {view.outcomeSummary ? <p className="whitespace-pre-line">Ringkasan untuk pelapor: {view.outcomeSummary}</p> : null}
        {view.rejectionReason ? <p>Alasan: {view.rejectionReason}</p> : null}
        {view.referredTo ? <p>Dilimpahkan kepada: {view.referredTo}</p> : null}
      </div>
    );
  }
  if (view.state === 'awaiting_info' && openRequestDueAt && !findAction(view.allowedActions, 'reject')) {
    return (
      <p className="rounded-md border border-amber-600 bg-amber-50 p-3">
        Menunggu jawaban pelapor sampai <DateText at={openRequestDueAt} />. Setelah jawaban masuk, kasus kembali ke
        Verifikasi. Bila batas waktu lewat tanpa jawaban, laporan dapat ditolak.
      </p>
    );
  }
  return null;
}
