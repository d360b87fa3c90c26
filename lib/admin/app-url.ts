/**
 * Whether the public address emails link to can reach anyone but this server: unset (it
 * falls back to http://localhost:3000) or pointing at a loopback or unspecified host, a
 * reporter's "there is an update" email and an officer's "new report" email would link
 * to a page no one can open. Pure, for the admin pages' warning.
 */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]', '[::]', '::1']);

export function appUrlWarning(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (!LOCAL_HOSTS.has(host) && !host.endsWith('.localhost') && !/^127\./.test(host)) return null;
  return (
    `Tautan dalam email yang dikirim aplikasi ini mengarah ke ${url}, alamat yang hanya dapat dibuka dari server ini sendiri. ` +
    'Pelapor dan petugas yang membuka tautan dari email tidak akan sampai ke halaman WBS. ' +
    'Mintalah administrator server mengatur alamat publik aplikasi (misalnya https://wbs.kantor.go.id), lalu jalankan ulang aplikasi.'
  );
}
