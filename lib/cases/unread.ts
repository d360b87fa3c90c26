import { sql, type SQL } from 'drizzle-orm';
import type { AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { caseReads, cases } from '@/lib/db/schema';

/**
 * "Balasan baru": what the reporter sent (answers, messages and the files that come with
 * them: all are reporter messages) since an officer last opened the case. Each officer
 * has their own mark: case_reads keeps the newest reporter message they were shown.
 * Message ids only grow, so comparing ids cannot miss a reply sent in the same second
 * the page was rendered.
 */

/**
 * A condition on `cases`: a reporter message newer than the last one `officerId` saw.
 * cases.last_reporter_message_id is kept by a trigger on messages (drizzle/0016); the
 * mark is one lookup in the case_reads primary key.
 */
export function unreadCondition(officerId: number): SQL {
  return sql`coalesce(${cases.lastReporterMessageId}, 0) > coalesce((select ${caseReads.lastSeenMessageId} from ${caseReads} where ${caseReads.caseId} = ${cases.id} and ${caseReads.officerId} = ${officerId}), 0)`;
}

/** The newest reporter message id in a thread (0 when the reporter never wrote). */
export function newestReporterMessageId(thread: readonly { id: number; author: 'reporter' | 'officer' }[]): number {
  return thread.reduce((max, message) => (message.author === 'reporter' && message.id > max ? message.id : max), 0);
}

/**
 * Records that `officer` has been shown the case up to `lastSeenMessageId` (call it when
 * the case page was rendered for them, with what it showed). Never moves the mark back:
 * an older page rendered late cannot mark newer replies unread again, nor read.
 */
export async function markCaseSeen(
  db: Database,
  officer: AuthorizedOfficer,
  caseId: number,
  lastSeenMessageId: number,
  now = new Date(),
): Promise<void> {
  await db
    .insert(caseReads)
    .values({ caseId, officerId: officer.id, lastSeenMessageId, seenAt: now })
    .onConflictDoUpdate({
      target: [caseReads.caseId, caseReads.officerId],
      set: { lastSeenMessageId: sql`max(${caseReads.lastSeenMessageId}, excluded.last_seen_message_id)`, seenAt: now },
    });
}
