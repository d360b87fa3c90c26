import { decryptJson } from '@/lib/crypto/aead';
import { cases } from '@/lib/db/schema';
import type { CaseCipher } from './case-crypto';

/** The reporter's identity as stored: JSON sealed under the case key, bound to its case row. */
export type ReporterIdentity = { name?: string; phone?: string; email?: string; address?: string };

/** The clear form sealed into `cases.reporter_identity_enc` (by sealRow at submission). */
export function identityJson(identity: ReporterIdentity): string {
  return JSON.stringify(identity);
}

export function decryptIdentity(cipher: CaseCipher, identityEnc: string): ReporterIdentity {
  return JSON.parse(cipher.open(cases.reporterIdentityEnc, cipher.caseId, identityEnc)) as ReporterIdentity;
}

/**
 * Before envelope encryption the identity was sealed by the master key itself, bound to
 * the ticket hash; the data migration opens such a value once to re-seal it (lib/cases/seal-existing.ts).
 */
export function openLegacyIdentity(identityEnc: string, masterKey: Buffer, ticketHash: string): string {
  return JSON.stringify(decryptJson<ReporterIdentity>(identityEnc, masterKey, `identity:${ticketHash}`));
}
