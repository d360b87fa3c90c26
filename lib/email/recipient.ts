import { encryptJson } from '@/lib/crypto/aead';
import { decryptJsonWithMasterKeys } from '@/lib/crypto/master';
import { dataKey } from '@/lib/env';

/**
 * A reporter's email address is part of their identity, which is encrypted at rest:
 * in the outbox it is stored sealed too, and opened only to hand it to the transport
 * or to an admin reading that one email (audited). Officer addresses stay plain.
 */
const SEALED_PREFIX = 'enc:';
const PURPOSE = 'outbox-recipient';

export function sealRecipient(kind: string, address: string): string {
  return kind === 'reporter_update' ? SEALED_PREFIX + encryptJson(address, dataKey(), PURPOSE) : address;
}

export function openRecipient(stored: string): string {
  return stored.startsWith(SEALED_PREFIX) ? decryptJsonWithMasterKeys<string>(stored.slice(SEALED_PREFIX.length), PURPOSE) : stored;
}
