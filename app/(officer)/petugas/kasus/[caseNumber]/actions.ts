'use server';

import { revalidatePath } from 'next/cache';
import { officerAction } from '@/lib/auth/session';
import {
  cancelSummonsSchema,
  caseRefSchema,
  concludeSchema,
  identityRequestSchema,
  messageSchema,
  noteSchema,
  referSchema,
  rejectSchema,
  requestInformationSchema,
  rescheduleSummonsSchema,
  scheduleSummonsSchema,
  summonsOutcomeSchema,
} from '@/lib/cases/officer-schemas';
import { acceptAsComplete, concludeCase, referCase, rejectCase, returnToInvestigation, startVerification } from '@/lib/cases/service/decisions';
import { requestIdentityAccess, viewReporterIdentity, type ReporterIdentity } from '@/lib/cases/service/identity';
import { requestInformation } from '@/lib/cases/service/info-requests';
import { sendMessageToReporter } from '@/lib/cases/service/messages';
import { quarantineDecisionSchema, rejectAsSpam, releaseFromQuarantine } from '@/lib/cases/service/quarantine';
import { cancelSummons, recordSummonsOutcome, rescheduleSummons, scheduleSummons } from '@/lib/cases/service/summons';

/*
 * The case page's actions, one per service and thin: officerAction re-checks the
 * session and role, validates the form and hands the service the AuthorizedOfficer
 * only the guard makes; the service checks the move against the workflow table and
 * the state the page showed (expectedState), and writes. Only async actions are exported ('use server' exports become endpoints).
 */

function refresh(caseNumber: string) {
  revalidatePath(`/petugas/kasus/${caseNumber}`);
  revalidatePath('/petugas');
}

const start = officerAction(noteSchema, async (input, { db, officer }) => {
  await startVerification(db, officer, input);
  refresh(input.caseNumber);
  return { message: 'Verifikasi dimulai. Kasus kini berstatus Verifikasi.' };
});

const askInfo = officerAction(requestInformationSchema, async (input, { db, officer }) => {
  await requestInformation(db, officer, input);
  refresh(input.caseNumber);
  return { message: 'Permintaan kelengkapan telah dikirim. Pelapor melihatnya saat memeriksa status dengan kode tiketnya.' };
});

const accept = officerAction(noteSchema, async (input, { db, officer }) => {
  await acceptAsComplete(db, officer, input);
  refresh(input.caseNumber);
  return { message: 'Laporan dinyatakan lengkap. Kasus kini berstatus Penelaahan.' };
});

const reject = officerAction(rejectSchema, async (input, { db, officer }) => {
  await rejectCase(db, officer, input);
  refresh(input.caseNumber);
  return { message: 'Laporan dinyatakan tidak dapat ditindaklanjuti. Penjelasan Anda ditampilkan kepada pelapor.' };
});

const refer = officerAction(referSchema, async (input, { db, officer }) => {
  await referCase(db, officer, input);
  refresh(input.caseNumber);
  return { message: 'Laporan telah dilimpahkan.' };
});

const backToReview = officerAction(noteSchema, async (input, { db, officer }) => {
  await returnToInvestigation(db, officer, input);
  refresh(input.caseNumber);
  return { message: 'Kasus kembali ke tahap Penelaahan.' };
});

const conclude = officerAction(concludeSchema, async (input, { db, officer }) => {
  await concludeCase(db, officer, input);
  refresh(input.caseNumber);
  return { message: 'Kasus telah diselesaikan. Ringkasan hasil ditampilkan kepada pelapor.' };
});

const schedule = officerAction(scheduleSummonsSchema, async (input, { db, officer }) => {
  await scheduleSummons(db, officer, input);
  refresh(input.caseNumber);
  return {
    message:
      input.role === 'pelapor'
        ? 'Pemanggilan pelapor telah dijadwalkan dan ditampilkan kepada pelapor.'
        : 'Pemanggilan telah dijadwalkan. Pemanggilan ini tidak ditampilkan kepada pelapor.',
  };
});

const recordOutcome = officerAction(summonsOutcomeSchema, async (input, { db, officer }) => {
  await recordSummonsOutcome(db, officer, input);
  refresh(input.caseNumber);
  return { message: input.attended === 'yes' ? 'Kehadiran dan berita acara telah dicatat.' : 'Ketidakhadiran dan berita acara telah dicatat.' };
});

const reschedule = officerAction(rescheduleSummonsSchema, async (input, { db, officer }) => {
  await rescheduleSummons(db, officer, input);
  refresh(input.caseNumber);
  return { message: 'Pemanggilan telah dijadwalkan ulang.' };
});

const cancel = officerAction(cancelSummonsSchema, async (input, { db, officer }) => {
  await cancelSummons(db, officer, input);
  refresh(input.caseNumber);
  return { message: 'Pemanggilan telah dibatalkan.' };
});

const message = officerAction(messageSchema, async (input, { db, officer }) => {
  await sendMessageToReporter(db, officer, input);
  refresh(input.caseNumber);
  return { message: 'Pesan telah dikirim. Pelapor melihatnya saat memeriksa status dengan kode tiketnya.' };
});

const release = officerAction(quarantineDecisionSchema, async (input, { db, officer }) => {
  await releaseFromQuarantine(db, officer, input);
  refresh(input.caseNumber);
  return { message: 'Laporan dikeluarkan dari karantina dan masuk ke kotak masuk sebagai laporan baru.' };
});

const dismissSpam = officerAction(quarantineDecisionSchema, async (input, { db, officer }) => {
  await rejectAsSpam(db, officer, input);
  refresh(input.caseNumber);
  return { message: 'Laporan ditolak sebagai spam. Kasus ditutup.' };
});

const askIdentity = officerAction(identityRequestSchema, async (input, { db, officer }) => {
  const { status } = await requestIdentityAccess(db, officer, input);
  refresh(input.caseNumber);
  return {
    message:
      status === 'approved'
        ? 'Permintaan tercatat dan disetujui. Anda dapat melihat identitas pelapor; setiap tampilan dicatat dalam log audit.'
        : 'Permintaan tercatat dan menunggu persetujuan administrator.',
  };
});

/** The identity goes back in this result only: shown once, never kept in the page. */
const showIdentity = officerAction(caseRefSchema, async (input, { db, officer }) => {
  const identity = await viewReporterIdentity(db, officer, input.caseNumber);
  return {
    message: 'Identitas pelapor ditampilkan di bawah. Tampilan ini telah dicatat dalam log audit.',
    data: identity satisfies ReporterIdentity,
  };
});

export async function startVerificationAction(...args: Parameters<typeof start>) {
  return start(...args);
}
export async function requestInformationAction(...args: Parameters<typeof askInfo>) {
  return askInfo(...args);
}
export async function acceptAsCompleteAction(...args: Parameters<typeof accept>) {
  return accept(...args);
}
export async function rejectCaseAction(...args: Parameters<typeof reject>) {
  return reject(...args);
}
export async function referCaseAction(...args: Parameters<typeof refer>) {
  return refer(...args);
}
export async function returnToInvestigationAction(...args: Parameters<typeof backToReview>) {
  return backToReview(...args);
}
export async function concludeCaseAction(...args: Parameters<typeof conclude>) {
  return conclude(...args);
}
export async function scheduleSummonsAction(...args: Parameters<typeof schedule>) {
  return schedule(...args);
}
export async function recordSummonsOutcomeAction(...args: Parameters<typeof recordOutcome>) {
  return recordOutcome(...args);
}
export async function rescheduleSummonsAction(...args: Parameters<typeof reschedule>) {
  return reschedule(...args);
}
export async function cancelSummonsAction(...args: Parameters<typeof cancel>) {
  return cancel(...args);
}
export async function sendMessageAction(...args: Parameters<typeof message>) {
  return message(...args);
}
export async function requestIdentityAccessAction(...args: Parameters<typeof askIdentity>) {
  return askIdentity(...args);
}
export async function viewReporterIdentityAction(...args: Parameters<typeof showIdentity>) {
  return showIdentity(...args);
}
export async function releaseFromQuarantineAction(...args: Parameters<typeof release>) {
  return release(...args);
}
export async function rejectAsSpamAction(...args: Parameters<typeof dismissSpam>) {
  return dismissSpam(...args);
}
