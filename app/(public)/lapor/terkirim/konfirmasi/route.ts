import { randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';
import { confirmReceipt, RECEIPT_COOKIE, RECEIPT_TTL_SECONDS, type ReceiptOutcome, type ReceiptPayload } from '@/lib/cases/receipt';
import { requestIsHttps, seal, unseal } from '@/lib/security/sealed-cookie';

/*
 * The receipt's "I kept the code" post, a plain HTML form so it works with JavaScript off.
 * Only after the last group is typed back (or leaving was warned about and chosen anyway)
 * does it lead on. Otherwise the receipt is shown once more, under a fresh one-view nonce:
 * the reporter who mistyped still sees the code, while reopening the page from history
 * (a GET with the used nonce) still shows nothing.
 */

const NEXT: Record<ReceiptOutcome, string> = {
  kept: '/lapor/terkirim/selesai',
  left: '/lapor/terkirim/selesai?tanpa-konfirmasi=1',
  empty: '/lapor/terkirim?konfirmasi=kosong#konfirmasi',
  wrong: '/lapor/terkirim?konfirmasi=salah#konfirmasi',
  warn: '/lapor/terkirim?konfirmasi=peringatan#konfirmasi',
};

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location } });
}

export async function POST(request: Request): Promise<Response> {
  const jar = await cookies();
  const raw = unseal(jar.get(RECEIPT_COOKIE)?.value, 'receipt');
  // No receipt any more (expired or already confirmed): the receipt page says what that means.
  if (!raw) return seeOther('/lapor/terkirim');
  const payload = JSON.parse(raw) as ReceiptPayload;
  const form = await request.formData().catch(() => null);
  const typed = String(form?.get('lastGroup') ?? '').slice(0, 64);
  const outcome = confirmReceipt(payload, String(form?.get('intent') ?? 'confirm'), typed);

  if (outcome === 'kept' || outcome === 'left') {
    jar.delete({ name: RECEIPT_COOKIE, path: '/lapor/terkirim' });
    return seeOther(NEXT[outcome]);
  }
  const next: ReceiptPayload = { ticket: payload.ticket, nonce: randomBytes(16).toString('hex'), warned: payload.warned || outcome === 'warn' };
  jar.set(RECEIPT_COOKIE, seal(JSON.stringify(next), 'receipt', RECEIPT_TTL_SECONDS), {
    httpOnly: true,
    sameSite: 'strict',
    secure: await requestIsHttps(),
    path: '/lapor/terkirim',
    maxAge: RECEIPT_TTL_SECONDS,
  });
  return seeOther(NEXT[outcome]);
}
