/**
 * Writing emails to the outbox. Every function here takes the caller's transaction:
 * the email row commits or rolls back with the event that causes it, so an event is
 * never recorded without its email, nor an email sent for an event that did not happen.
 * Delivery is lib/email/delivery.ts's job, later and with retries.
 *
 * Environment: `APP_URL` — the public origin links in emails point to (default
 * `http://localhost:3000`). Set it to the address officers and reporters actually use.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, DbTransaction } from '@/lib/db/client';
import { emailOutbox, officers } from '@/lib/db/schema';
import { appUrl } from '@/lib/env';
import type { OfficeSettings } from '@/lib/settings/defaults';
import { renderEmail, type EmailKind, type RenderedEmail } from './render';
import type { DigestItem } from './templates/deadline-digest';
import type { OfficeInfo } from './templates/layout';
import { sealRecipient } from './recipient';
import type { NotificationAudience } from '@/lib/cases/assignment-rules';

type Writer = Database | DbTransaction;

export type { OfficeInfo } from './templates/layout';
export type { DigestItem } from './templates/deadline-digest';

/** The origin links in emails use: `APP_URL`, else the local default. */
export function appBaseUrl(): string {
  return appUrl();
}

/** The office as emails name it, from the settings (`getSettings(db)`). */
export function officeFromSettings(settings: Pick<OfficeSettings, 'officeName' | 'officeAddress'>): OfficeInfo {
  return { name: settings.officeName, address: settings.officeAddress };
}

export type EnqueueEmailInput = RenderedEmail & {
  kind: EmailKind;
  to: string;
  /** When the row becomes due (and its 24-hour retry window starts); tests move it. */
  now?: Date;
};

/**
 * Writes one pending email. Call it inside the transaction of the event, with `tx`:
 * writes through `db` while a transaction is open would wait behind it forever.
 * @returns the outbox row id.
 */
export async function enqueueEmail(tx: Writer, input: EnqueueEmailInput): Promise<number> {
  const now = input.now ?? new Date();
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      kind: input.kind,
      toAddress: sealRecipient(input.kind, input.to),
      subject: input.subject,
      html: input.html,
      textBody: input.text,
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning({ id: emailOutbox.id });
  return row.id;
}

/** What officers are told about, one email kind each. */
export type OfficerEvent = 'new_report' | 'reporter_answered' | 'reporter_message' | 'info_request_expired' | 'summons_reminder';

export type OfficerNotification = {
  event: OfficerEvent;
  caseNumber: string;
  office: OfficeInfo;
  /** Defaults to appBaseUrl(). */
  baseUrl?: string;
  now?: Date;
  /** Which officers the case's news may reach (lib/cases/assignment-rules.ts); default: all. */
  audience?: NotificationAudience;
};

function renderOfficerEvent(event: OfficerEvent, props: { caseNumber: string; office: OfficeInfo; baseUrl: string }) {
  switch (event) {
    case 'new_report':
      return { kind: 'new_report' as const, rendered: renderEmail('new_report', props) };
    case 'reporter_answered':
      return { kind: 'reporter_replied' as const, rendered: renderEmail('reporter_replied', { ...props, via: 'answer' }) };
    case 'reporter_message':
      return { kind: 'reporter_replied' as const, rendered: renderEmail('reporter_replied', { ...props, via: 'message' }) };
    case 'info_request_expired':
      return { kind: 'info_request_expired' as const, rendered: renderEmail('info_request_expired', props) };
    case 'summons_reminder':
      return { kind: 'summons_reminder' as const, rendered: renderEmail('summons_reminder', props) };
  }
}

async function recipientRows(tx: Writer, onlyImmediate: boolean) {
  const conditions = [eq(officers.active, true)];
  if (onlyImmediate) conditions.push(eq(officers.notifyMode, 'immediate'));
  return tx.select({ id: officers.id, role: officers.role, email: officers.email }).from(officers).where(and(...conditions)).orderBy(officers.id);
}

async function recipients(tx: Writer, onlyImmediate: boolean, audience?: NotificationAudience): Promise<string[]> {
  const rows = await recipientRows(tx, onlyImmediate);
  return rows.filter((row) => !audience || inAudience(row, audience)).map((row) => row.email);
}

function inAudience(officer: { id: number; role: string }, audience: NotificationAudience): boolean {
  if (audience.exclude.includes(officer.id)) return false;
  if (audience.only === null) return true;
  return audience.only.includes(officer.id) || (audience.includeAdmins && officer.role === 'admin');
}

/**
 * Tells every active officer who chose immediate emails that `event` happened on a case:
 * one outbox row each, the case number and a link only. Officers on the daily digest get
 * nothing here. Call it inside the event's transaction.
 * @returns how many emails were enqueued.
 */
export async function enqueueOfficerNotification(tx: Writer, notification: OfficerNotification): Promise<number> {
  const baseUrl = notification.baseUrl ?? appBaseUrl();
  const { kind, rendered } = renderOfficerEvent(notification.event, {
    caseNumber: notification.caseNumber,
    office: notification.office,
    baseUrl,
  });
  const email = await rendered;
  const to = await recipients(tx, true, notification.audience);
  for (const address of to) await enqueueEmail(tx, { kind, to: address, ...email, now: notification.now });
  return to.length;
}

export type DeadlineDigest = {
  items: readonly DigestItem[];
  office: OfficeInfo;
  baseUrl?: string;
  now?: Date;
  /** Whether an officer may see a case (recused or restricted cases are left out of their digest); default: all. */
  visibleTo?: (officer: { id: number; role: 'officer' | 'admin' }, caseNumber: string) => boolean;
};

/**
 * The daily deadline digest to every active officer, whichever notify mode they chose:
 * for digest-only officers it is the one email they get. Nothing is sent when no case is
 * overdue or due soon.
 * @returns how many emails were enqueued.
 */
export async function enqueueDeadlineDigest(tx: Writer, digest: DeadlineDigest): Promise<number> {
  if (digest.items.length === 0) return 0;
  const baseUrl = digest.baseUrl ?? appBaseUrl();
  // Most officers see the same list: render each distinct list once.
  const rendered = new Map<string, Promise<RenderedEmail>>();
  let sent = 0;
  for (const officer of await recipientRows(tx, false)) {
    const items = digest.visibleTo ? digest.items.filter((item) => digest.visibleTo!(officer, item.caseNumber)) : digest.items;
    if (items.length === 0) continue;
    const key = items.map((item) => item.caseNumber).join(',');
    if (!rendered.has(key)) rendered.set(key, renderEmail('deadline_digest', { items, office: digest.office, baseUrl }));
    const email = await rendered.get(key)!;
    await enqueueEmail(tx, { kind: 'deadline_digest', to: officer.email, ...email, now: digest.now });
    sent += 1;
  }
  return sent;
}

export type ReporterUpdate = {
  /** The address from the reporter's decrypted identity; only when they consented. */
  email: string;
  office: Pick<OfficeInfo, 'name'>;
  baseUrl?: string;
  now?: Date;
};

// Deliberately loose: Resend validates properly; this only stops obvious typos from
// sitting in the outbox for a day of retries.
const PLAUSIBLE_ADDRESS = /^[^\s@<>",]+@[^\s@<>",]+\.[^\s@<>",]+$/;

/**
 * "There is an update on your report — check with your ticket": the one email a reporter
 * gets. Call it only when the case has `reporterEmailConsent`, inside the transaction of
 * the move that gave the reporter a public note.
 * @returns the outbox row id, or null when the address cannot be an email address.
 */
export async function enqueueReporterUpdate(tx: Writer, update: ReporterUpdate): Promise<number | null> {
  const to = update.email.trim();
  if (!PLAUSIBLE_ADDRESS.test(to)) return null;
  const email = await renderEmail('reporter_update', {
    office: { name: update.office.name },
    baseUrl: update.baseUrl ?? appBaseUrl(),
  });
  return enqueueEmail(tx, { kind: 'reporter_update', to, ...email, now: update.now });
}

/**
 * An admin's "send again" for a failed or captured email: back to pending, due now,
 * with a fresh 24-hour retry window (createdAt is reset, since the give-up rule counts
 * from it). Rows pending, sending or sent are left alone.
 * @returns whether the row was requeued.
 */
export async function requeueEmail(db: Writer, id: number, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(emailOutbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now, claimedBy: null, claimedAt: null, lastError: null })
    .where(and(eq(emailOutbox.id, id), inArray(emailOutbox.status, ['failed', 'captured'])))
    .returning({ id: emailOutbox.id });
  return rows.length === 1;
}
