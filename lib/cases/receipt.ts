import { createHash } from 'node:crypto';
import { lt } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { receiptViews } from '@/lib/db/schema';

export const RECEIPT_COOKIE = 'wbs_receipt';
export const RECEIPT_TTL_SECONDS = 15 * 60;

/**
 * Marks a receipt as shown. True only the first time for a nonce, so the ticket is
 * displayed once even if the page is reloaded or reopened from history. Only a hash
 * of the random nonce is kept, never the ticket.
 */
export async function claimReceiptView(db: Database, nonce: string, now = new Date()): Promise<boolean> {
  const nonceHash = createHash('sha256').update(`receipt:${nonce}`).digest('hex');
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(receiptViews)
      .values({ nonceHash, createdAt: now })
      .onConflictDoNothing()
      .returning({ nonceHash: receiptViews.nonceHash });
    // Markers outlive their cookies by a day at most; past that they guard nothing.
    await tx.delete(receiptViews).where(lt(receiptViews.createdAt, new Date(now.getTime() - 24 * 3600 * 1000)));
    return inserted.length === 1;
  });
}

/** What the receipt cookie holds (sealed): the ticket, a one-view nonce, and whether leaving was warned about. */
export type ReceiptPayload = { ticket: string; nonce: string; warned?: boolean };

/** The ticket's groups as shown ("WBS", "73EH", …): the code may wrap only between them. */
export function ticketGroups(ticket: string): string[] {
  return ticket.split('-');
}

/** The reporter typed the ticket's last group back (case, spaces, O/0 and I/L/1 forgiven, as on /status). */
export function lastGroupMatches(ticket: string, typed: string): boolean {
  const last = ticketGroups(ticket).at(-1) ?? '';
  const clean = typed.toUpperCase().replace(/[\s\-_.]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return clean.length > 0 && clean === last;
}

export type ReceiptOutcome = 'kept' | 'left' | 'empty' | 'wrong' | 'warn';

/**
 * What the receipt's confirmation post leads to. Leaving is allowed after the last group
 * is typed back ('kept'), or after a plain warning was shown and the reporter chose to
 * leave anyway ('left'); otherwise the receipt comes back with the reason.
 */
export function confirmReceipt(payload: ReceiptPayload, intent: string, typed: string): ReceiptOutcome {
  if (intent === 'leave') return payload.warned ? 'left' : 'warn';
  if (!typed.trim()) return 'empty';
  return lastGroupMatches(payload.ticket, typed) ? 'kept' : 'wrong';
}
