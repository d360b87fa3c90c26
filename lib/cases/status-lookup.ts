import type { Database } from '@/lib/db/client';
import { consumeLimit, STATUS_LOOKUP, type RateRule } from '@/lib/security/rate-limit';
import { findCaseByTicket } from './reporter-view';
import { normalizeTicket } from './ticket';

export type StatusLookupResult =
  | { ok: true; code: string; caseId: number }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }
  // One reason for malformed and unknown codes: callers cannot tell them apart either.
  | { ok: false; reason: 'not_found' };

/**
 * One reporter attempt to open a case by ticket: counted against the client's limit
 * (in the database, shared by every instance) first (malformed attempts count too), then normalised and looked up. Returns the
 * normalised code on success so the caller can remember it; no Next.js here, so the
 * whole path runs in integration tests.
 */
export async function attemptStatusLookup(
  db: Database,
  ticketInput: unknown,
  clientAddress: string,
  options: { rule?: RateRule; now?: number } = {},
): Promise<StatusLookupResult> {
  const verdict = await consumeLimit(db, options.rule ?? STATUS_LOOKUP, clientAddress, { now: options.now });
  if (!verdict.allowed) return { ok: false, reason: 'rate_limited', retryAfterSeconds: verdict.retryAfterSeconds };
  const code = typeof ticketInput === 'string' ? normalizeTicket(ticketInput) : null;
  if (!code) return { ok: false, reason: 'not_found' };
  const found = await findCaseByTicket(db, code);
  return found ? { ok: true, code, caseId: found.id } : { ok: false, reason: 'not_found' };
}
