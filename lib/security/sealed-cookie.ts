import { headers } from 'next/headers';
import { decryptBytes, encryptBytes } from '@/lib/crypto/aead';
import { dataKey } from '@/lib/env';

/**
 * Cookie values sealed with AES-GCM under the data key: the browser holds them but
 * can neither read nor forge them. `purpose` is bound as associated data so a value
 * sealed for one cookie is refused by another; the expiry travels inside.
 */
export function seal(value: string, purpose: string, ttlSeconds: number): string {
  const payload = JSON.stringify({ v: value, exp: Date.now() + ttlSeconds * 1000 });
  return encryptBytes(Buffer.from(payload, 'utf8'), dataKey(), purpose).toString('base64url');
}

export function unseal(sealed: string | undefined, purpose: string): string | null {
  if (!sealed) return null;
  try {
    const payload = JSON.parse(decryptBytes(Buffer.from(sealed, 'base64url'), dataKey(), purpose).toString('utf8'));
    if (typeof payload?.v !== 'string' || typeof payload?.exp !== 'number' || payload.exp < Date.now()) return null;
    return payload.v;
  } catch {
    return null;
  }
}

/** Secure cookies only when the request came over HTTPS (directly or via a proxy). */
export async function requestIsHttps(): Promise<boolean> {
  const h = await headers();
  return h.get('x-forwarded-proto') === 'https';
}
