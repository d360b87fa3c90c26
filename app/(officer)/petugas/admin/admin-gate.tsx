import { redirect } from 'next/navigation';
import { activatedOfficer, asAdmin, type AuthorizedAdmin } from '@/lib/auth/guard';
import { currentOfficer } from '@/lib/auth/session';

/**
 * The admin pages' door: no session → the login page; an officer without the admin
 * role → null, and the page shows <AccessDenied />. The services each page calls check
 * the role again themselves.
 */
export async function adminForPage(): Promise<AuthorizedAdmin | null> {
  const officer = await currentOfficer();
  if (!officer) redirect('/petugas/masuk');
  if (officer.activation.pending) redirect('/petugas/aktivasi');
  return officer.role === 'admin' ? asAdmin(activatedOfficer(officer)) : null;
}

export function AccessDenied() {
  return (
    <div>
      <h1 className="text-2xl font-bold text-slate-900">Akses ditolak</h1>
      <p className="mt-2 text-slate-700">Halaman ini hanya untuk administrator WBS.</p>
    </div>
  );
}
