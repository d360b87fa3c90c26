import { appUrlWarning } from '@/lib/admin/app-url';
import { appUrl } from '@/lib/env';

/** A plain warning on the admin pages while email links would point at this server itself. */
export function AppUrlWarning() {
  const warning = appUrlWarning(appUrl());
  if (!warning) return null;
  return (
    <div role="note" aria-label="Peringatan alamat aplikasi" className="mb-6 rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-amber-950">
      <p className="font-semibold">Alamat aplikasi belum diatur</p>
      <p className="mt-1 text-sm">{warning}</p>
    </div>
  );
}
