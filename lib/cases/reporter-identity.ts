import { decryptJson, encryptJson } from '@/lib/crypto/aead';
import { dataKey } from '@/lib/env';

/** The reporter's identity as stored: AES-GCM ciphertext bound to its case's ticket hash. */
export type ReporterIdentity = { name?: string; phone?: string; email?: string; address?: string };

/** The associated data that binds an identity ciphertext to its case (a copied blob fails elsewhere). */
export function identityAad(ticketHash: string): string {
  return `identity:${ticketHash}`;
}

export function encryptIdentity(identity: ReporterIdentity, ticketHash: string): string {
  return encryptJson(identity, dataKey(), identityAad(ticketHash));
}

export function decryptIdentity(identityEnc: string, ticketHash: string): ReporterIdentity {
  return decryptJson<ReporterIdentity>(identityEnc, dataKey(), identityAad(ticketHash));
}
