import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Whistleblowing System', template: '%s · WBS' },
  description: 'Sampaikan laporan dugaan pelanggaran secara aman dan rahasia.',
  robots: { index: false, follow: false },
  referrer: 'same-origin',
  // An empty inline icon: no /favicon.ico request (a 404) on every first visit over 2G.
  icons: { icon: 'data:,' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1e40af' };

/**
 * Paint before scripts: a tiny inline script at the end of <head>. A script in the head
 * may not run before the stylesheet above it has loaded, so the HTML parser waits there
 * and has not reached <body> until the CSS is in; while the parser is in <head> and a
 * stylesheet loads, Chromium's resource scheduler holds back low-priority requests (Next.js's
 * async framework scripts) to an HTTP/1.1 host. Without it, nine script requests share a
 * thin line with the stylesheet and the form paints about twice as late with JavaScript
 * on as off (`npm run bench`, 2G profile). With JavaScript off the script
 * is ignored and nothing changes. Its text must not be empty: an empty inline script is
 * never prepared and would not hold the parser.
 */
const PAINT_FIRST = ';';

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page dynamic, so each response carries the
  // per-request CSP nonce that Next.js puts on its scripts (and proxy.ts passes to us).
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="id">
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: PAINT_FIRST }} />
      </head>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
