'use client';

import { useEffect } from 'react';
import { userMessageOf } from '@/lib/http/user-facing-errors';
import { ButtonLink } from './button-link';

export const GENERIC_PAGE_ERROR =
  'Maaf, terjadi gangguan sehingga halaman ini tidak dapat ditampilkan. Data yang sudah Anda kirim sebelumnya tetap aman. Silakan coba lagi beberapa saat lagi.';

/**
 * What every error page shows: an Indonesian heading, the error's own message when it is
 * one meant for the user (an AppError's userMessage, a refused request body), otherwise a
 * generic one; a button to try again and a plain link back.
 */
export function ErrorView({
  error,
  reset,
  backHref,
  backLabel,
}: {
  error: Error & { digest?: string };
  reset?: () => void;
  backHref: string;
  backLabel: string;
}) {
  const message = userMessageOf(error);
  useEffect(() => {
    // Focus the heading so a screen reader announces the error in place of the page.
    document.getElementById('galat-judul')?.focus();
  }, []);
  return (
    <main id="konten" className="mx-auto max-w-2xl space-y-4 px-4 py-10" role="alert" aria-labelledby="galat-judul">
      <h1 id="galat-judul" tabIndex={-1} className="text-2xl font-bold text-slate-900 focus:outline-none">
        {message ? 'Permintaan tidak dapat diproses' : 'Terjadi gangguan'}
      </h1>
      <p className="text-slate-800">{message ?? GENERIC_PAGE_ERROR}</p>
      {!message && error.digest ? <p className="text-sm text-slate-600">Kode kejadian: {error.digest}</p> : null}
      <div className="flex flex-wrap gap-3">
        {reset ? (
          <button
            type="button"
            onClick={() => reset()}
            className="inline-flex min-h-12 items-center justify-center rounded-lg border-2 border-brand-700 bg-white px-5 py-3 font-semibold text-brand-800 hover:bg-brand-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            Coba lagi
          </button>
        ) : null}
        <ButtonLink href={backHref}>{backLabel}</ButtonLink>
      </div>
    </main>
  );
}
