import { and, asc, eq, isNotNull, like, ne, notInArray, sql } from 'drizzle-orm';
import { decryptJson } from '@/lib/crypto/aead';
import { unwrapCaseKey, wrapCaseKey, type MasterKey } from '@/lib/crypto/case-keys';
import type { Database } from '@/lib/db/client';
import { caseKeys, emailOutbox, officers, settings } from '@/lib/db/schema';
import { sealTotp, type StoredTotp } from '@/lib/auth/totp';
import { sealRecipient } from '@/lib/email/recipient';
import { masterKeys } from './case-crypto';

/**
 * Master key rotation (`npm run keys:rotate`): every case key is re-wrapped from the
 * previous master key (DATA_ENCRYPTION_KEY_PREVIOUS) to the new one (DATA_ENCRYPTION_KEY).
 * Content and files are never touched: they are encrypted under the case keys, which do
 * not change. Each row records the master key that wraps it, so the work goes in batches,
 * each committed on its own, and an interrupted run simply resumes. The few values sealed
 * by the master key directly (officers' TOTP secrets, reporters' addresses in the email
 * outbox) are re-sealed in the same run.
 */

const LAST_ROTATION_KEY = 'keys.lastRotationAt';

/**
 * When a rotation last finished (every case key under the new master key), or null.
 * The admin page reminds to rotate after each retention period (lib/cases/retention.ts):
 * backups made before an erasure open only while their master key exists.
 */
export async function lastKeyRotationAt(db: Database): Promise<Date | null> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, LAST_ROTATION_KEY)).limit(1);
  return typeof row?.value === 'string' ? new Date(row.value) : null;
}

async function recordKeyRotation(db: Database, at: Date): Promise<void> {
  const value = at.toISOString();
  await db
    .insert(settings)
    .values({ key: LAST_ROTATION_KEY, value, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } });
}

export type RotationResult = { rewrapped: number; totpResealed: number; recipientsResealed: number };

export class RotationError extends Error {}

function requirePrevious(previous: MasterKey | null): MasterKey {
  if (!previous) {
    throw new RotationError(
      'Set DATA_ENCRYPTION_KEY to the new master key and DATA_ENCRYPTION_KEY_PREVIOUS to the current one, then run again.',
    );
  }
  return previous;
}

/** Case keys still wrapped by a master key other than the current one. */
export async function keysLeftToRotate(db: Database): Promise<number> {
  const { current } = masterKeys();
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(caseKeys)
    .where(and(ne(caseKeys.masterKeyId, current.id), isNotNull(caseKeys.wrappedKey)));
  return row.n;
}

/**
 * Case keys no master key in force can open: the start stops on them with a message
 * saying which key is needed, rather than failing case by case later.
 */
export async function assertKeysReadable(db: Database): Promise<void> {
  const { current, previous } = masterKeys();
  const known = previous ? [current.id, previous.id] : [current.id];
  const unknown = await db
    .select({ id: caseKeys.masterKeyId, n: sql<number>`count(*)` })
    .from(caseKeys)
    .where(and(notInArray(caseKeys.masterKeyId, known), isNotNull(caseKeys.wrappedKey)))
    .groupBy(caseKeys.masterKeyId);
  if (unknown.length === 0) return;
  throw new Error(
    `[wbs] ${unknown.map((u) => `${u.n} case keys are wrapped by master key ${u.id}`).join('; ')}, which is not in force ` +
      `(current: ${current.id}). Set DATA_ENCRYPTION_KEY_PREVIOUS to that key and run \`npm run keys:rotate\`.`,
  );
}

export async function rotateCaseKeys(
  db: Database,
  options: { batchSize?: number; onBatch?: (rewrapped: number) => void } = {},
): Promise<RotationResult> {
  const { current, previous: maybePrevious } = masterKeys();
  const batchSize = options.batchSize ?? 500;
  const result: RotationResult = { rewrapped: 0, totpResealed: 0, recipientsResealed: 0 };

  if ((await keysLeftToRotate(db)) > 0) {
    const previous = requirePrevious(maybePrevious);
    await assertKeysReadable(db);
    for (;;) {
      const batch = await db
        .select({ caseId: caseKeys.caseId, wrappedKey: caseKeys.wrappedKey })
        .from(caseKeys)
        .where(and(eq(caseKeys.masterKeyId, previous.id), isNotNull(caseKeys.wrappedKey)))
        .orderBy(asc(caseKeys.caseId))
        .limit(batchSize);
      if (batch.length === 0) break;
      const now = new Date();
      await db.transaction(async (tx) => {
        for (const row of batch) {
          const key = unwrapCaseKey(row.wrappedKey!, previous, row.caseId);
          await tx
            .update(caseKeys)
            .set({ wrappedKey: wrapCaseKey(key, current, row.caseId), masterKeyId: current.id, rewrappedAt: now })
            // Guarded: a concurrent run or a retention erasure in between wins.
            .where(and(eq(caseKeys.caseId, row.caseId), eq(caseKeys.masterKeyId, previous.id), isNotNull(caseKeys.wrappedKey)));
        }
      });
      result.rewrapped += batch.length;
      options.onBatch?.(batch.length);
    }
  }

  // Few rows: each is tried with the new key first, so a second run leaves them alone.
  const withTotp = await db
    .select({ id: officers.id, enc: officers.totpSecretEnc })
    .from(officers)
    .where(isNotNull(officers.totpSecretEnc));
  for (const officer of withTotp) {
    try {
      decryptJson(officer.enc!, current.key, `officer-totp:${officer.id}`);
      continue;
    } catch {
      /* sealed by the previous key */
    }
    const previous = requirePrevious(maybePrevious);
    const value = decryptJson<StoredTotp>(officer.enc!, previous.key, `officer-totp:${officer.id}`);
    await db.update(officers).set({ totpSecretEnc: sealTotp(officer.id, value) }).where(eq(officers.id, officer.id));
    result.totpResealed += 1;
  }

  const sealedRecipients = await db
    .select({ id: emailOutbox.id, kind: emailOutbox.kind, to: emailOutbox.toAddress })
    .from(emailOutbox)
    .where(like(emailOutbox.toAddress, 'enc:%'));
  for (const email of sealedRecipients) {
    try {
      decryptJson(email.to.slice('enc:'.length), current.key, 'outbox-recipient');
      continue;
    } catch {
      /* sealed by the previous key */
    }
    const previous = requirePrevious(maybePrevious);
    const address = decryptJson<string>(email.to.slice('enc:'.length), previous.key, 'outbox-recipient');
    await db.update(emailOutbox).set({ toAddress: sealRecipient(email.kind, address) }).where(eq(emailOutbox.id, email.id));
    result.recipientsResealed += 1;
  }
  // A finished rotation (the previous key given, nothing left under it) is recorded.
  if (maybePrevious && (await keysLeftToRotate(db)) === 0) await recordKeyRotation(db, new Date());
  return result;
}
