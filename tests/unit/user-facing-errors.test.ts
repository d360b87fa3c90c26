import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { MALFORMED_REQUEST_MESSAGE, tooLargeMessage, userMessageOf } from '@/lib/http/user-facing-errors';

describe('userMessageOf: what an error page may show', () => {
  it("reads an AppError's Indonesian userMessage back from its digest, as Next.js passes it in production", () => {
    const thrown = new AppError('forbidden', { userMessage: 'Anda tidak berwenang: kasus 2026-0001 & "lainnya" 100%.' });
    // Production: the message is replaced, the digest kept.
    const received = Object.assign(new Error('An error occurred in the Server Components render.'), { digest: thrown.digest });
    expect(userMessageOf(received)).toBe('Anda tidak berwenang: kasus 2026-0001 & "lainnya" 100%.');
  });

  it('shows the refusals of proxy.ts, which reach the client as the error message', () => {
    expect(userMessageOf(new Error(tooLargeMessage(32)))).toBe(tooLargeMessage(32));
    expect(userMessageOf(new Error(MALFORMED_REQUEST_MESSAGE))).toBe(MALFORMED_REQUEST_MESSAGE);
  });

  it('never shows any other message (English, internals) or a foreign digest', () => {
    expect(userMessageOf(new Error('SQLITE_BUSY: database is locked'))).toBeNull();
    expect(userMessageOf(Object.assign(new Error('x'), { digest: '2837461' }))).toBeNull();
    expect(userMessageOf(Object.assign(new Error('x'), { digest: 'WBS_USER_MESSAGE;%E0%A4%A' }))).toBeNull();
    expect(userMessageOf(undefined)).toBeNull();
  });
});
