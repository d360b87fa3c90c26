'use client';

import { ErrorView } from '@/components/ui/error-view';

/**
 * An error while rendering an officer page, inside the officer shell (header and
 * navigation stay). An AppError shows its Indonesian userMessage (carried in its
 * digest, which Next.js keeps in production), anything else a generic message.
 */
export default function OfficerPageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView error={error} reset={reset} backHref="/petugas" backLabel="Kembali ke Kotak Masuk" />;
}
