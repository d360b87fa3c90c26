import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { loadEvidenceForOfficer } from '@/lib/cases/evidence-download';
import { getBlobStore, newStorageKey } from '@/lib/storage';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOfficerCaseView } from '@/lib/cases/officer-view';
import { loadReporterView } from '@/lib/cases/reporter-view';
import { assertFullySealed, sealExistingRows, unsealedCounts } from '@/lib/cases/seal-existing';
import { requestIdentityAccess, viewReporterIdentity } from '@/lib/cases/service/identity';
import { generateTicket, hashTicket } from '@/lib/cases/ticket';
import { encryptJson } from '@/lib/crypto/aead';
import type { Database } from '@/lib/db/client';
import { attachments, caseEvents, caseKeys, cases, infoRequests, messages, reportedParties, summons } from '@/lib/db/schema';
import { dataKey, ticketKey } from '@/lib/env';
import { freshDatabase } from '../support/db';
import { approveIdentityRequest } from '@/lib/admin/identity-requests';
import { createCase, createOfficer, latestIdentityRequestId } from '../support/factories';
import { filesUnder } from '../support/forms';

/**
 * A database from before envelope encryption: content rows in clear (and the identity
 * sealed by the master key alone). The start-up migration encrypts them in place,
 * resumes after an interruption, and until it is done the app refuses to start.
 */

let db: Database;
let dataDir: string;
let officer: Awaited<ReturnType<typeof createOfficer>>;
const MARK = `LEGACY${Date.now().toString(36).toUpperCase()}`;

async function insertLegacyCase(n: number) {
  const ticketHash = hashTicket(generateTicket(), ticketKey())!;
  const [row] = await db
    .insert(cases)
    .values({
      caseNumber: `2025-${String(n).padStart(4, '0')}`,
      ticketHash,
      state: 'awaiting_info',
      what: `${MARK}-what-${n}`,
      whereText: `${MARK}-where-${n}`,
      whenText: `${MARK}-when-${n}`,
      whoText: `${MARK}-who-${n}`,
      howText: `${MARK}-how-${n}`,
      anonymous: false,
      reporterIdentityEnc: encryptJson({ name: `${MARK}-reporter-${n}` }, dataKey(), `identity:${ticketHash}`),
    })
    .returning({ id: cases.id });
  await db.insert(reportedParties).values({ caseId: row.id, name: `${MARK}-party-${n}`, position: `${MARK}-position-${n}` });
  await db.insert(messages).values({ caseId: row.id, author: 'reporter', body: `${MARK}-message-${n}` });
  await db.insert(infoRequests).values({ caseId: row.id, questions: `${MARK}-questions-${n}`, dueAt: new Date(Date.now() + 86400_000) });
  await db.insert(summons).values({ caseId: row.id, role: 'pelapor', personName: `${MARK}-person-${n}`, scheduledAt: new Date(Date.now() + 86400_000), place: `${MARK}-place-${n}`, agenda: `${MARK}-agenda-${n}` });
  await db.insert(caseEvents).values({ caseId: row.id, kind: 'note', internalNote: `${MARK}-internal-${n}`, publicNote: `${MARK}-public-${n}`, visibleToReporter: true });
  // Evidence as stored before: bytes and name under the master key, a plain SHA-256.
  const storageKey = newStorageKey();
  const bytes = Buffer.from(`%PDF-1.4\n${MARK}-file-${n}\n%%EOF\n`);
  await getBlobStore().put(storageKey, bytes, dataKey());
  await db.insert(attachments).values({
    caseId: row.id,
    storageKey,
    fileNameEnc: encryptJson(`${MARK}-name-${n}.pdf`, dataKey(), `filename:${storageKey}`),
    mimeType: 'application/pdf',
    extension: 'pdf',
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  });
  return row.id;
}

function databaseBytes(): string {
  const file = path.join(dataDir, 'wbs.db');
  return [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');
}

beforeAll(async () => {
  ({ db, dataDir } = await freshDatabase());
  officer = await createOfficer(db);
});

describe('encrypting a database from before envelope encryption', () => {
  it('refuses to start half-migrated, resumes after an interruption, and leaves nothing in clear', async () => {
    // One case written by today's code, which must be left as it is.
    const current = await createCase(db, { anonymous: 'no', reporterName: 'Ani Baru', reporterPhone: '0812 0000 1111' });
    const ids = [];
    for (let n = 1; n <= 5; n++) ids.push(await insertLegacyCase(n));
    expect(databaseBytes()).toContain(`${MARK}-party-3`);

    await expect(assertFullySealed(db)).rejects.toThrow(/partly encrypted.*cases: 5/);

    // The first run dies after three committed batches.
    let batches = 0;
    await expect(
      sealExistingRows(db, {
        batchSize: 2,
        onBatch: () => {
          batches += 1;
          if (batches === 3) throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    const left = await unsealedCounts(db);
    expect(Object.keys(left).length).toBeGreaterThan(0);
    await expect(assertFullySealed(db)).rejects.toThrow(/npm start/);
    const [{ keys }] = await db.select({ keys: count() }).from(caseKeys);
    expect(keys).toBe(6);

    // The second run finishes; a third finds nothing to do.
    const second = await sealExistingRows(db, { batchSize: 2 });
    expect(Object.values(second.rowsSealed).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await assertFullySealed(db);
    expect(await sealExistingRows(db)).toEqual({ keysCreated: 0, rowsSealed: {} });

    // Everything reads back through the app.
    const view = (await loadOfficerCaseView(db, officer, '2025-0003'))!;
    expect(view.report).toMatchObject({ what: `${MARK}-what-3`, where: `${MARK}-where-3`, how: `${MARK}-how-3` });
    expect(view.reportedParties).toEqual([{ name: `${MARK}-party-3`, position: `${MARK}-position-3`, workUnit: null }]);
    expect(view.thread[0].body).toBe(`${MARK}-message-3`);
    expect(view.infoRequests[0].questions).toBe(`${MARK}-questions-3`);
    expect(view.summons[0]).toMatchObject({ personName: `${MARK}-person-3`, place: `${MARK}-place-3` });
    expect(view.timeline[0]).toMatchObject({ internalNote: `${MARK}-internal-3`, publicNote: `${MARK}-public-3` });
    expect(view.attachments[0].fileName).toBe(`${MARK}-name-3.pdf`);
    const file = await loadEvidenceForOfficer(db, officer, '2025-0003', view.attachments[0].id);
    expect(file.bytes.toString()).toContain(`${MARK}-file-3`);
    const [evidence] = await db.select().from(attachments).where(eq(attachments.id, view.attachments[0].id));
    expect(evidence.sha256).not.toBe(createHash('sha256').update(file.bytes).digest('hex'));
    expect(evidence.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The file is no longer readable with the master key alone.
    await expect(getBlobStore().get(evidence.storageKey, dataKey())).rejects.toThrow();
    const reporter = (await loadReporterView(db, ids[2]))!;
    expect(reporter.messages[0].body).toBe(`${MARK}-message-3`);
    expect(reporter.reporterSummons[0].agenda).toBe(`${MARK}-agenda-3`);
    // New installs need an admin's approval before an identity opens.
    const admin = await createOfficer(db, 'admin');
    await requestIdentityAccess(db, officer, { caseNumber: '2025-0003', reason: 'Perlu klarifikasi langsung.' });
    await approveIdentityRequest(db, admin, { requestId: await latestIdentityRequestId(db) });
    expect(await viewReporterIdentity(db, officer, '2025-0003')).toEqual({ name: `${MARK}-reporter-3` });
    expect((await loadOfficerCaseView(db, officer, current.caseNumber))!.report.what).toContain('Rp 500.000');
    await requestIdentityAccess(db, officer, { caseNumber: current.caseNumber, reason: 'Perlu klarifikasi langsung.' });
    await approveIdentityRequest(db, admin, { requestId: await latestIdentityRequestId(db) });
    expect(await viewReporterIdentity(db, officer, current.caseNumber)).toMatchObject({ name: 'Ani Baru' });

    // No clear value is left in the database file or its WAL, nor in the evidence folder.
    expect(databaseBytes()).not.toContain(MARK);
    for (const f of await filesUnder(dataDir)) expect(readFileSync(f).toString('latin1')).not.toContain(MARK);
    const [stored] = await db.select({ what: cases.what }).from(cases).where(eq(cases.id, ids[0]));
    expect(stored.what).not.toContain(MARK);
  });
});
