import { dataKey, previousDataKey } from '@/lib/env';
import { decryptJson } from './aead';

/**
 * Opens a value sealed by the master key directly (TOTP secrets, queued reporter
 * addresses). While a rotation runs (DATA_ENCRYPTION_KEY_PREVIOUS set) a value not yet
 * re-sealed opens with the previous key, so nobody is locked out mid-rotation.
 */
export function decryptJsonWithMasterKeys<T>(text: string, associatedData: string): T {
  try {
    return decryptJson<T>(text, dataKey(), associatedData);
  } catch (error) {
    const previous = previousDataKey();
    if (!previous) throw error;
    return decryptJson<T>(text, previous, associatedData);
  }
}
