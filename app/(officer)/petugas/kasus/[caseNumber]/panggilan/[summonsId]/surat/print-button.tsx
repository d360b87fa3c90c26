'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * "Cetak" opens the browser's print dialog. Rendered only once JavaScript runs, so a
 * page without it never shows a button that does nothing; the page says to use the
 * browser's own print menu instead.
 */
export function PrintButton() {
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!hydrated) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-5 py-2.5 text-base font-semibold text-white hover:bg-brand-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      Cetak
    </button>
  );
}
