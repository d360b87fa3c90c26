'use client';

import { InlineStyles } from '@/components/ui/inline-styles';
import { ErrorView } from '@/components/ui/error-view';

/**
 * The last resort, when the root layout itself fails: it replaces the whole document,
 * so it brings its own <html> and <body>, still in Indonesian with a way back.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="id">
      <head>
        <title>Terjadi gangguan · WBS</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </head>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {/* The root layout failed, and its inline stylesheet with it: this page writes its own. */}
        <InlineStyles />
        <ErrorView error={error} reset={reset} backHref="/" backLabel="Kembali ke beranda" />
      </body>
    </html>
  );
}
