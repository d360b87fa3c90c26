import type { OfficeSettings } from '@/lib/settings';
import { SitePhoneLink } from './site-phone-link';

type FooterSettings = Pick<OfficeSettings, 'officeName' | 'parentOrganisation' | 'officeAddress' | 'officePhone' | 'officeEmail'>;

/** Public footer: who runs the service, how to reach them, and the confidentiality reminder. */
export function SiteFooter({ settings }: { settings: FooterSettings }) {
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white text-sm text-slate-700">
      <div className="mx-auto max-w-3xl space-y-3 px-4 py-6">
        <address className="not-italic">
          <strong className="block text-base text-slate-900">{settings.officeName}</strong>
          {settings.parentOrganisation && <span className="block">{settings.parentOrganisation}</span>}
          {settings.officeAddress && <span className="block">{settings.officeAddress}</span>}
          {settings.officePhone && (
            <span className="block">
              Telepon: <SitePhoneLink phone={settings.officePhone} className="text-brand-700" />
            </span>
          )}
          {settings.officeEmail && (
            <span className="block">
              Email:{' '}
              <a href={`mailto:${settings.officeEmail}`} className="font-semibold text-brand-700 underline underline-offset-2">
                {settings.officeEmail}
              </a>
            </span>
          )}
        </address>
        <p>
          <a href="/statistik" className="font-semibold text-brand-700 underline underline-offset-2">
            Statistik pengaduan
          </a>
        </p>
        <p>Identitas pelapor dirahasiakan. Simpan kode tiket Anda di tempat aman dan jangan bagikan kepada siapa pun.</p>
      </div>
    </footer>
  );
}
