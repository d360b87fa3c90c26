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
