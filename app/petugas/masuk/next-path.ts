/**
 * Where to go after signing in: a path inside the officer area (from the proxy's
 * `callbackUrl`, absolute or not), never another site and never the login page itself.
 */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== 'string' || raw === '') return '/petugas';
  let url: URL;
  try {
    url = new URL(raw, 'http://wbs.invalid');
  } catch {
    return '/petugas';
  }
  const path = url.pathname;
  const inside = path === '/petugas' || path.startsWith('/petugas/');
  if (!inside || path.startsWith('/petugas/masuk') || path.includes('//')) return '/petugas';
  return `${path}${url.search}`;
}
