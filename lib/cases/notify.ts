import { eq } from 'drizzle-orm';
import type { Database, DbTransaction } from '@/lib/db/client';
import { cases } from '@/lib/db/schema';
import { enqueueOfficerNotification, enqueueReporterUpdate, officeFromSettings, type OfficerEvent } from '@/lib/email/outbox';
import { claimNotificationSlot, OFFICER_EMAIL_PER_CASE } from '@/lib/security/rate-limit';
import { getSettings } from '@/lib/settings';
import { decryptIdentity } from './reporter-identity';
import { loadCaseCipher } from './case-crypto';
import { loadAccessFacts } from './assignment';
import { notificationAudience } from './assignment-rules';

/**
 * The emails a case event causes, written to the outbox inside the event's own
 * transaction (so an event is never without its email, nor an email without its event).
 * What they may say is fixed by the templates: a case number and a link for officers,
 * "there is an update" for the reporter.
 */

type Tx = Database | DbTransaction;

/** Events a reporter can cause again and again: their emails are coalesced per case. */
const REPORTER_EVENTS: ReadonlySet<OfficerEvent> = new Set(['reporter_message', 'reporter_answered']);

/**
 * Emails the officers about an event on a case. Whatever the reporter does, officers get
 * at most one email per case per OFFICER_EMAIL_PER_CASE window about reporter events: the
 * first goes now, later ones are folded into one email due when the window ends (the
 * email only says "the reporter wrote" and links the case, so one covers them all).
 * A quarantined case never emails officers: its sender could be the spammer.
 */
export async function notifyOfficers(tx: Tx, event: OfficerEvent, caseNumber: string, now?: Date): Promise<void> {
  const [row] = await tx.select({ id: cases.id, quarantined: cases.quarantined }).from(cases).where(eq(cases.caseNumber, caseNumber)).limit(1);
  if (!row || row.quarantined) return;
  // Once the case has handling officers its news goes to them; recused officers never hear of it.
  const audience = notificationAudience(event === 'new_report' ? 'new_report' : 'case_event', await loadAccessFacts(tx, row.id));
  let at = now;
  if (REPORTER_EVENTS.has(event)) {
    const sendAt = await claimNotificationSlot(tx, OFFICER_EMAIL_PER_CASE, `case:${caseNumber}`, { now: (now ?? new Date()).getTime() });
    if (sendAt === null) return;
    at = new Date(sendAt);
  }
  const office = officeFromSettings(await getSettings(tx as Database));
  await enqueueOfficerNotification(tx, { event, caseNumber, office, now: at, audience });
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
