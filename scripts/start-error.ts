import { EnvError } from '@/lib/env';

/** Prints a configuration error as its one line (no stack), anything else in full; exits 1. */
export function exitOnStartError(error: unknown): never {
  if (error instanceof EnvError) console.error(`[wbs] ${error.message}`);
  else console.error(error);
  process.exit(1);
}
