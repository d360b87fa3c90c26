import { AppUrlWarning } from '@/components/admin/app-url-warning';
import { currentOfficer } from '@/lib/auth/session';

/**
 * The admin pages' frame: above each page, what an admin must fix in the server's
 * configuration. The officer layout above gates the session; each page checks the role.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const officer = await currentOfficer();
  return (
    <>
      {officer?.role === 'admin' ? <AppUrlWarning /> : null}
      {children}
    </>
  );
}
