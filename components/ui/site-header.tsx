const NAV = [
  { href: '/', label: 'Beranda' },
  { href: '/lapor', label: 'Buat Laporan' },
  { href: '/status', label: 'Cek Status' },
];

/** Public header: skip link, office name, product name, and the three public pages. */
export function SiteHeader({ officeName }: { officeName: string }) {
  return (
    <header className="bg-brand-800 text-white">
      <a
        href="#konten"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-3 focus:font-semibold focus:text-brand-800"
      >
        Langsung ke isi utama
      </a>
      <div className="mx-auto max-w-3xl px-4 pt-3 pb-2">
        {/* Plain links, not next/link: a full page load fires `beforeunload`, which the ticket
            receipt needs to warn a reporter leaving before saving the code. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
        <a href="/" className="block no-underline">
          <span className="block text-sm text-brand-100">{officeName}</span>
          <span className="block text-lg leading-tight font-bold">Whistleblowing System</span>
        </a>
        <nav aria-label="Menu utama" className="mt-2 -mx-2">
          <ul className="flex flex-wrap text-base">
            {NAV.map((item) => (
              <li key={item.href}>
                <a
                  href={item.href}
                  className="block rounded px-2 py-2 font-medium underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-white"
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
