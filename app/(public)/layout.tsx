import { getDb } from '@/lib/db/client';
import { getSettings } from '@/lib/settings';
import { SiteFooter } from '@/components/ui/site-footer';
import { SiteHeader } from '@/components/ui/site-header';

/** Shell of the public pages (no session): header, skip-link target, footer. */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const settings = await getSettings(getDb());
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader officeName={settings.officeName} />
      <main id="konten" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-6 text-base leading-relaxed focus:outline-none">
        {children}
      </main>
      <SiteFooter settings={settings} />
    </div>
  );
}
