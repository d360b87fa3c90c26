import { settings } from '@/lib/db/schema';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOfficerCaseView } from '@/lib/cases/officer-view';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import { handleInformationAnswer, handleReporterMessage } from '@/lib/cases/reporter-replies';
import { loadReporterView } from '@/lib/cases/reporter-view';
import {
  acceptAsComplete,
  concludeCase,
  referCase,
  rejectCase,
  returnToInvestigation,
  startVerification,
} from '@/lib/cases/service/decisions';
import { requestIdentityAccess, viewReporterIdentity } from '@/lib/cases/service/identity';
import { requestInformation } from '@/lib/cases/service/info-requests';
import { sendMessageToReporter } from '@/lib/cases/service/messages';
import { cancelSummons, recordSummonsOutcome, rescheduleSummons, scheduleSummons } from '@/lib/cases/service/summons';
import { loadSummonsLetter } from '@/lib/cases/summons-documents';
import { loadEvidenceForOfficer } from '@/lib/cases/evidence-download';
import type { Database } from '@/lib/db/client';
import { listIdentityRequests } from '@/lib/admin/identity-requests';
import { freshDatabase } from '../support/db';
import { afterMeeting, createOfficer, workingDayAhead } from '../support/factories';
import { filesUnder, validReportForm } from '../support/forms';

/**
 * "A copy of the data without the keys reveals nothing": a unique marker in every field
 * a person types, the whole procedure through the real services, then a byte scan of
 * the database file, its WAL and everything under DATA_DIR. Every marker must also be
 * readable through the app, so the scan cannot pass by losing data.
 */

let db: Database;
let dataDir: string;
let officer: Awaited<ReturnType<typeof createOfficer>>;
const RUN = randomBytes(4).toString('hex').toUpperCase();
const markers: string[] = [];
const m = (field: string) => {
  const marker = `MRK${RUN}${field}`;
  markers.push(marker);
  return marker;
};
const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

function evidenceFile(name: string, content: string): File {
  // Plain text: metadata cleaning rewrites a PDF (dropping comments), but keeps a text file's content as sent.
  return new File([`Isi bukti: ${content}\n`], name, { type: 'text/plain' });
}

async function submit(tag: string) {
  const result = await handleReportSubmission(
    db,
    validReportForm(
      {
        anonymous: 'no',
        reporterName: m(`${tag}ReporterName`),
        reporterPhone: '0812 3456 7890',
        reporterEmail: `${m(`${tag}Email`).toLowerCase()}@contoh.id`,
        reporterAddress: m(`${tag}Address`),
        emailConsent: 'yes',
        party0Name: m(`${tag}PartyName`),
        party0Position: m(`${tag}PartyPosition`),
        party0WorkUnit: m(`${tag}PartyUnit`),
        what: `Uraian ${m(`${tag}What`)} pungutan liar pada layanan.`,
        where: `Tempat ${m(`${tag}Where`)}`,
        whenText: `Waktu ${m(`${tag}When`)}`,
        who: `Saksi ${m(`${tag}Who`)}`,
        how: `Modus ${m(`${tag}How`)} dengan meminta uang tunai.`,
      },
      [evidenceFile(`${m(`${tag}FileName`)}.txt`, m(`${tag}FileContent`))],
    ),
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.submitted;
}

function form(fields: Record<string, string>, files: File[] = []): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  for (const f of files) data.append('evidence', f);
  return data;
}

beforeAll(async () => {
  ({ db, dataDir } = await freshDatabase());
  officer = await createOfficer(db);
  // Identity access without an admin's approval here (new installs require it; not what these tests are about).
  await db.insert(settings).values({ key: 'identityViewNeedsApproval', value: false }).onConflictDoUpdate({ target: settings.key, set: { value: false } });
});

describe('a copy of the data without the keys', () => {
  it('holds none of what people typed, through the whole procedure', async () => {
    // Case A: the full procedure to a conclusion.
    const a = await submit('A');
    await startVerification(db, officer, { caseNumber: a.caseNumber, internalNote: m('VerifyInternal'), publicNote: m('VerifyPublic') });
    await requestInformation(db, officer, { caseNumber: a.caseNumber, questions: `Pertanyaan ${m('Questions')}`, dueDate: inDays(7) });
    const reporterView = (await loadReporterView(db, a.caseId))!;
    const answer = await handleInformationAnswer(
      db,
      a.caseId,
      form({ infoRequestId: String(reporterView.openInfoRequests[0].id), body: `Jawaban ${m('Answer')}` }, [evidenceFile(`${m('AnswerFileName')}.txt`, m('AnswerFileContent'))]),
    );
    expect(answer).toEqual({ ok: true });
    await sendMessageToReporter(db, officer, { caseNumber: a.caseNumber, body: `Pesan ${m('OfficerMessage')}` });
    expect(await handleReporterMessage(db, a.caseId, form({ body: `Pesan ${m('ReporterMessage')}` }))).toEqual({ ok: true });
    await requestIdentityAccess(db, officer, { caseNumber: a.caseNumber, reason: `Alasan membuka identitas ${m('IdentityReason')}` });
    await acceptAsComplete(db, officer, { caseNumber: a.caseNumber, internalNote: m('AcceptInternal'), publicNote: m('AcceptPublic') });
    const summonsBase = { caseNumber: a.caseNumber, scheduledDate: workingDayAhead(3), scheduledTime: '09:00' };
    await scheduleSummons(db, officer, { ...summonsBase, role: 'pelapor', personName: m('SummonsReporterName'), place: m('SummonsPlace'), agenda: `Agenda ${m('SummonsAgenda')}` });
    await scheduleSummons(db, officer, { ...summonsBase, role: 'saksi', personName: m('WitnessName'), place: m('WitnessPlace'), agenda: `Agenda ${m('WitnessAgenda')}` });
    const summonsIds = (await loadOfficerCaseView(db, officer, a.caseNumber))!.summons.map((s) => s.id);
    await recordSummonsOutcome(db, officer, { caseNumber: a.caseNumber, summonsId: summonsIds[0], attended: 'yes', minutes: `Berita acara ${m('Minutes')}` }, afterMeeting());
    await rescheduleSummons(db, officer, { ...summonsBase, summonsId: summonsIds[1], scheduledDate: workingDayAhead(5), reason: `Alasan ${m('RescheduleReason')}`, place: m('NewPlace'), agenda: `Agenda ${m('NewAgenda')}` });
    const rescheduled = (await loadOfficerCaseView(db, officer, a.caseNumber))!.summons.find((s) => s.status === 'scheduled')!;
    await cancelSummons(db, officer, { caseNumber: a.caseNumber, summonsId: rescheduled.id, reason: `Batal ${m('CancelReason')}` });
    await returnToInvestigation(db, officer, { caseNumber: a.caseNumber, internalNote: m('ReturnInternal') });
    await concludeCase(db, officer, { caseNumber: a.caseNumber, outcome: 'terbukti_disiplin', summary: `Ringkasan hasil ${m('Conclusion')}`, internalNote: m('ConcludeInternal'), unexaminedReason: `Alasan tanpa pemeriksaan ${m('UnexaminedReason')}` });

    // Case B: referred elsewhere; case C: rejected.
    const b = await submit('B');
    await startVerification(db, officer, { caseNumber: b.caseNumber });
    await referCase(db, officer, { caseNumber: b.caseNumber, referredTo: 'lainnya', referredToOther: m('ReferredTo'), publicNote: `Dilimpahkan ${m('ReferPublic')}`, internalNote: m('ReferInternal') });
    const c = await submit('C');
    await startVerification(db, officer, { caseNumber: c.caseNumber });
    await rejectCase(db, officer, { caseNumber: c.caseNumber, reason: 'duplikat', publicNote: `Ditolak ${m('RejectPublic')}`, internalNote: m('RejectInternal') });

    // Everything is still there for those allowed to read it.
    for (const x of [b, c]) await requestIdentityAccess(db, officer, { caseNumber: x.caseNumber, reason: 'Perlu klarifikasi langsung kepada pelapor.' });
    const view = (await loadOfficerCaseView(db, officer, a.caseNumber))!;
    const admin = await createOfficer(db, 'admin');
    const seen = JSON.stringify([
      view,
      await loadOfficerCaseView(db, officer, b.caseNumber),
      await loadOfficerCaseView(db, officer, c.caseNumber),
      await loadReporterView(db, a.caseId),
      ...(await Promise.all([a, b, c].map((x) => viewReporterIdentity(db, officer, x.caseNumber)))),
      await loadSummonsLetter(db, officer, a.caseNumber, view.summons[0].id),
      await listIdentityRequests(db, admin),
      ...(await Promise.all(
        [a, b, c].map(async (x) => {
          const files = (await loadOfficerCaseView(db, officer, x.caseNumber))!.attachments;
          return Promise.all(files.map(async (f) => (await loadEvidenceForOfficer(db, officer, x.caseNumber, f.id)).bytes.toString('latin1')));
        }),
      )),
    ]);
    expect(markers.filter((marker) => !seen.toLowerCase().includes(marker.toLowerCase()))).toEqual([]);

    // And nothing of it in the database file, its WAL, or anywhere under DATA_DIR.
    const files = await filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('wbs.db'))).toBe(true);
    expect(files.some((f) => f.endsWith('.bin'))).toBe(true);
    const found: string[] = [];
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const marker of markers) {
        for (const encoding of ['latin1', 'utf16le'] as const) {
          if (bytes.includes(Buffer.from(marker, encoding)) || bytes.includes(Buffer.from(marker.toLowerCase(), encoding))) {
            found.push(`${marker} in ${file.slice(dataDir.length)}`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });
});
