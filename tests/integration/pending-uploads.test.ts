import path from 'node:path';
import { readFile, rm } from 'node:fs/promises';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { loadCaseCipher } from '@/lib/cases/case-crypto';
import { handleUploadDelete, handleUploadPost } from '@/lib/cases/pending-uploads-http';
import { newUploadToken, PENDING_UPLOAD_TTL_MS, sweepPendingUploads } from '@/lib/cases/pending-uploads';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import type { Database } from '@/lib/db/client';
import { attachments, cases, pendingUploads, settings } from '@/lib/db/schema';
import { getBlobStore, setBlobStore } from '@/lib/storage';
import { freshDatabase } from '../support/db';
import { pdfWithAuthor, SECRETS } from '../support/evidence-fixtures';
import { filesUnder, pdfFile, validReportForm } from '../support/forms';

let db: Database;
let evidenceDir: string;

beforeAll(async () => {
  const fresh = await freshDatabase();
  db = fresh.db;
  evidenceDir = path.join(fresh.dataDir, 'evidence');
});

beforeEach(async () => {
  setBlobStore(undefined);
  // Each test counts the pending rows and files it made itself.
  await db.delete(pendingUploads).where(sql`1 = 1`);
  await rm(evidenceDir, { recursive: true, force: true });
  await db.delete(settings).where(eq(settings.key, 'maxFiles'));
  await db.delete(settings).where(eq(settings.key, 'maxFileBytes'));
  await db.delete(settings).where(eq(settings.key, 'maxSubmissionBytes'));
});

let nextClient = 1;
/** A fresh client address per test, so the per-client limits of one test do not leak into another. */
function newClient(): string {
  return `192.0.2.${nextClient++}`;
}

function uploadRequest(bytes: Uint8Array<ArrayBuffer>, name: string, headers: Record<string, string> = {}): Request {
  return new Request('http://127.0.0.1/api/unggah', {
    method: 'POST',
    body: bytes,
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.byteLength),
      'x-file-name': encodeURIComponent(name),
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
  });
}

async function upload(token: string, file: File, client = newClient(), headers: Record<string, string> = {}) {
  const response = await handleUploadPost(db, uploadRequest(new Uint8Array(await file.arrayBuffer()), file.name, headers), {
    token,
    clientAddress: client,
  });
  return { status: response.status, body: (await response.json()) as { id?: string; name?: string; size?: number; message?: string } };
}

async function pendingRows() {
  return db.select().from(pendingUploads);
}

async function caseCount() {
  const [row] = await db.select({ n: count() }).from(cases);
  return row.n;
}

function formWithUploads(ids: string[], files: File[] = []): FormData {
  const form = validReportForm({}, files);
  for (const id of ids) form.append('upload', id);
  return form;
}

describe('files sent ahead of the report', () => {
  it('are cleaned and kept encrypted, then claimed by the report, stored under its case key, and the pending copy removed', async () => {
    const token = newUploadToken();
    const pdf = new File([new Uint8Array(await pdfWithAuthor())], 'bukti transfer.pdf');
    const sent = await upload(token, pdf);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ name: 'bukti transfer.pdf', size: pdf.size });
    expect(sent.body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const [row] = await pendingRows();
    expect(row.state).toBe('pending');
    expect(row.fileNameEnc).not.toContain('bukti');
    expect(row.tokenHash).not.toContain(token);
    const onDisk = await filesUnder(evidenceDir);
    expect(onDisk).toHaveLength(1);
    const raw = (await readFile(onDisk[0])).toString('latin1');
    expect(raw).not.toContain('%PDF');
    expect(raw).not.toContain(SECRETS.author);

    const result = await handleReportSubmission(db, formWithUploads([sent.body.id!]), { pendingToken: token });
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const [attachment] = await db.select().from(attachments).where(eq(attachments.caseId, result.submitted.caseId));
    expect(attachment.mimeType).toBe('application/pdf');
    expect(attachment.metadataStripped).toBe(true);
    const cipher = await loadCaseCipher(db, result.submitted.caseId);
    expect(cipher.open(attachments.fileNameEnc, attachment.storageKey, attachment.fileNameEnc)).toBe('bukti transfer.pdf');
    const bytes = await getBlobStore().get(attachment.storageKey, cipher.fileKey());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).not.toContain(SECRETS.author);

    // The pending copy is gone: only the case's own file is left.
    expect(await pendingRows()).toHaveLength(0);
    expect(await filesUnder(evidenceDir)).toHaveLength(1);
  });

  it('count with files posted in the same form against the per-report limits', async () => {
    await db.insert(settings).values({ key: 'maxFiles', value: 2 });
    const token = newUploadToken();
    const a = await upload(token, pdfFile('a.pdf'));
    const b = await upload(token, pdfFile('b.pdf'));
    const before = await caseCount();
    const result = await handleReportSubmission(db, formWithUploads([a.body.id!, b.body.id!], [pdfFile('c.pdf')]), { pendingToken: token });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.evidence).toBe('Terlalu banyak berkas: maksimal 2 berkas, Anda memilih 3.');
    expect(await caseCount()).toBe(before);
    // Nothing was claimed: the reporter can send the report with the two uploads.
    expect((await pendingRows()).map((r) => r.state)).toEqual(['pending', 'pending']);
    const again = await handleReportSubmission(db, formWithUploads([a.body.id!, b.body.id!]), { pendingToken: token });
    expect(again.ok).toBe(true);
  });

  it('cannot be claimed or removed with another browser\'s token, and nothing is stored for the attempt', async () => {
    const owner = newUploadToken();
    const sent = await upload(owner, pdfFile('milik-pelapor.pdf'));
    const before = await caseCount();

    for (const token of [newUploadToken(), undefined]) {
      const result = await handleReportSubmission(db, formWithUploads([sent.body.id!]), { pendingToken: token });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.fieldErrors.evidence).toContain('tidak ditemukan lagi');
    }
    const deleteRequest = new Request(`http://127.0.0.1/api/unggah/${sent.body.id}`, { method: 'DELETE', headers: { 'sec-fetch-site': 'same-origin' } });
    expect((await handleUploadDelete(db, deleteRequest, { id: sent.body.id!, token: newUploadToken() })).status).toBe(404);

    expect(await caseCount()).toBe(before);
    const [row] = await pendingRows();
    expect(row).toMatchObject({ id: sent.body.id, state: 'pending' });

    // Its owner can still take it back, and then it is gone.
    expect((await handleUploadDelete(db, deleteRequest, { id: sent.body.id!, token: owner })).status).toBe(204);
    expect(await pendingRows()).toHaveLength(0);
    expect(await filesUnder(evidenceDir)).toHaveLength(0);
  });

  it('go to exactly one report when the same form is sent twice at once', async () => {
    const token = newUploadToken();
    const sent = await upload(token, pdfFile('sekali.pdf'));
    const results = await Promise.all([0, 1].map(() => handleReportSubmission(db, formWithUploads([sent.body.id!]), { pendingToken: token })));
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok ? refused.fieldErrors.evidence : '').toContain('tidak ditemukan lagi');
    const caseIds = (await db.select({ caseId: attachments.caseId }).from(attachments)).map((a) => a.caseId);
    expect(caseIds.filter((id) => ok[0].ok && id === ok[0].submitted.caseId)).toHaveLength(1);
  });

  it('are removed a day after the upload when no report claims them, by one sweeper among several', async () => {
    const token = newUploadToken();
    const now = Date.now();
    const sent = await Promise.all(['x.pdf', 'y.pdf', 'z.pdf'].map((name) => upload(token, pdfFile(name))));
    expect(await filesUnder(evidenceDir)).toHaveLength(3);

    // Not yet due: a sweep a minute before the day is over leaves them.
    expect(await sweepPendingUploads(db, { now: now + PENDING_UPLOAD_TTL_MS - 60_000 })).toBe(0);
    expect(await pendingRows()).toHaveLength(3);

    const later = now + PENDING_UPLOAD_TTL_MS + 60_000;
    const removed = await Promise.all([0, 1, 2].map(() => sweepPendingUploads(db, { now: later })));
    expect(removed.reduce((a, b) => a + b, 0)).toBe(3);
    expect(await pendingRows()).toHaveLength(0);
    expect(await filesUnder(evidenceDir)).toHaveLength(0);

    const result = await handleReportSubmission(db, formWithUploads(sent.map((s) => s.body.id!)), { pendingToken: token });
    expect(result.ok).toBe(false);
  });

  it('an expired upload is refused at submission even before any sweep', async () => {
    const token = newUploadToken();
    const sent = await upload(token, pdfFile('lama.pdf'));
    await db.update(pendingUploads).set({ cleanupAt: Date.now() - 1 }).where(eq(pendingUploads.id, sent.body.id!));
    const before = await caseCount();
    const result = await handleReportSubmission(db, formWithUploads([sent.body.id!]), { pendingToken: token });
    expect(result.ok).toBe(false);
    expect(await caseCount()).toBe(before);
  });
});

describe('uploads are limited per client', () => {
  it('refuse a file over the size limit from its declared length, in the form\'s words, before reading it', async () => {
    await db.insert(settings).values({ key: 'maxFileBytes', value: 1024 });
    const response = await upload(newUploadToken(), pdfFile('besar.pdf', 2048));
    expect(response.status).toBe(413);
    expect(response.body.message).toMatch(/^Berkas "besar\.pdf" terlalu besar \(2 KB\)\. Ukuran maksimal per berkas 1 KB\.$/);
    expect(await pendingRows()).toHaveLength(0);
  });

  it('refuse a file whose content is not an allowed type, with the server\'s message, keeping nothing', async () => {
    const bytes = new Uint8Array(512);
    bytes.set([0x4d, 0x5a]);
    const response = await upload(newUploadToken(), new File([bytes], 'laporan.pdf'));
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('bukan jenis yang diizinkan');
    expect(await pendingRows()).toHaveLength(0);
    expect(await filesUnder(evidenceDir)).toHaveLength(0);
  });

  it('stop a client at the total bytes its reports could carry, whatever token it uses; others go on', async () => {
    // 5 reports' worth a day (UPLOAD_DAY_REPORTS) of 4 KB each: 20 KB; each file about 3 KB.
    await db.insert(settings).values({ key: 'maxSubmissionBytes', value: 4096 });
    const client = newClient();
    const file = () => pdfFile('padat.pdf', 3000);
    const size = file().size;
    const allowed = Math.floor((5 * 4096) / size);
    for (let i = 0; i < allowed; i++) expect((await upload(newUploadToken(), file(), client)).status).toBe(201);
    const refused = await upload(newUploadToken(), file(), client);
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/^Terlalu banyak berkas diunggah dari jaringan ini dalam waktu singkat\. Coba lagi dalam \d+ (menit|jam)\.$/);
    expect(await pendingRows()).toHaveLength(allowed);
    expect((await upload(newUploadToken(), file(), newClient())).status).toBe(201);
  });

  it('refuse a request that does not come from the app\'s own page', async () => {
    const response = await upload(newUploadToken(), pdfFile(), newClient(), { 'sec-fetch-site': 'cross-site' });
    expect(response.status).toBe(403);
    expect(await pendingRows()).toHaveLength(0);
  });
});
