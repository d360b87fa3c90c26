import path from 'node:path';
import type { NextConfig } from 'next';
import { env } from './lib/env';

/**
 * The server-action body limit follows the evidence limits (default 30 MB per
 * submission) plus room for the text fields and multipart framing. An office that
 * raises its limits in settings raises WBS_MAX_BODY_MB too. env() also refuses a bad
 * value of any variable here, so `next build` and `next start` stop with its name.
 */
const maxBodyMb = env().WBS_MAX_BODY_MB;

const securityHeaders = [
  // same-origin, not no-referrer: under no-referrer browsers send `Origin: null` on form
  // posts and Next.js refuses server actions; off-site requests still get no referrer.
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // app/globals.css becomes a string written inline into each page (components/ui/inline-styles.tsx),
  // not a linked stylesheet: nothing on the critical path but the HTML (issue 11, 2G).
  turbopack: {
    rules: { 'globals.css': { loaders: [path.resolve('scripts/css-text-loader.cjs')], as: '*.js' } },
  },
  serverExternalPackages: ['@libsql/client', 'libsql', '@node-rs/argon2', 'sharp'],
  experimental: {
    serverActions: { bodySizeLimit: `${maxBodyMb}mb` },
    proxyClientMaxBodySize: `${maxBodyMb}mb`,
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
