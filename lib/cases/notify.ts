import { eq } from 'drizzle-orm';
import type { Database, DbTransaction } from '@/lib/db/client';
import { cases } from '@/lib/db/schema';
import { enqueueOfficerNotification, enqueueReporterUpdate, officeFromSettings, type OfficerEvent } from '@/lib/email/outbox';
import { getSettings } from '@/lib/settings';
import { decryptIdentity } from './reporter-identity';
import { loadCaseCipher } from './case-crypto';

/**
 * The emails a case event causes, written to the outbox inside the event's own
 * transaction (so an event is never without its email, nor an email without its event).
 * What they may say is fixed by the templates: a case number and a link for officers,
 * "there is an update" for the reporter.
 */

type Tx = Database | DbTransaction;

export async function notifyOfficers(tx: Tx, event: OfficerEvent, caseNumber: string, now?: Date): Promise<void> {
  const office = officeFromSettings(await getSettings(tx as Database));
  await enqueueOfficerNotification(tx, { event, caseNumber, office, now });
}

/**
 * Tells the reporter there is news, only if they gave an address and agreed to it. The
 * address lives in the encrypted identity and is decrypted only to be written as the
 * outbox recipient.
 */
export async function notifyReporterIfConsented(tx: Tx, caseId: number, now?: Date): Promise<void> {
  const [row] = await tx
    .select({ consent: cases.reporterEmailConsent, identityEnc: cases.reporterIdentityEnc })
    .from(cases)
    .where(eq(cases.id, caseId))
    .limit(1);
  if (!row?.consent || !row.identityEnc) return;
  const identity = decryptIdentity(await loadCaseCipher(tx, caseId), row.identityEnc);
  if (!identity.email) return;
  const office = officeFromSettings(await getSettings(tx as Database));
  await enqueueReporterUpdate(tx, { email: identity.email, office, now });
}
