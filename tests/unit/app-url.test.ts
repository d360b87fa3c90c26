import { describe, expect, it } from 'vitest';
import { appUrlWarning } from '@/lib/admin/app-url';

describe('appUrlWarning', () => {
  it('warns, in plain Indonesian without variable names, when email links point at this server', () => {
    for (const url of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://0.0.0.0:8080', 'http://[::1]:3000', 'http://wbs.localhost']) {
      const warning = appUrlWarning(url);
      expect(warning, url).toContain(url);
      expect(warning).toMatch(/administrator server/);
      expect(warning).not.toMatch(/APP_URL|[A-Z]{3,}_[A-Z]{3,}/);
    }
  });
  it('is silent for a public address', () => {
    expect(appUrlWarning('https://wbs.nttprov.go.id')).toBeNull();
    expect(appUrlWarning('http://10.0.0.5')).toBeNull();
  });
});
