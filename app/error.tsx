'use client';

import { ErrorView } from '@/components/ui/error-view';

/** An error while rendering a public page, in Indonesian, with a way back to the start. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView error={error} reset={reset} backHref="/" backLabel="Kembali ke beranda" />;
}
