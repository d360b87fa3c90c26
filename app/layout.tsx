import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { InlineStyles } from '@/components/ui/inline-styles';

export const metadata: Metadata = {
  title: { default: 'Whistleblowing System', template: '%s · WBS' },
  description: 'Sampaikan laporan dugaan pelanggaran secara aman dan rahasia.',
  robots: { index: false, follow: false },
  referrer: 'same-origin',
  // An empty inline icon: no /favicon.ico request (a 404) on every first visit over 2G.
  icons: { icon: 'data:,' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1e40af' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page dynamic, so each response carries the
  // per-request CSP nonce (proxy.ts) that Next.js puts on its scripts.
  await headers();
  return (
    <html lang="id">
      <head />
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {/* The stylesheet, inline in the HTML (see InlineStyles): no request on the critical path. */}
        <InlineStyles />
        {children}
      </body>
    </html>
  );
}
