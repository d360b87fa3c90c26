import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { guardAuthPost } from '@/lib/auth/auth-route';

/**
 * Auth.js endpoints. The app signs in and out through its own server actions, which call
 * Auth.js in-process; over HTTP only the harmless GETs (csrf, session, providers) and a
 * small sign-out POST are answered. A credentials callback or sign-in posted from outside
 * is refused before its body is read (see lib/auth/auth-route.ts).
 */
export const { GET } = handlers;

export async function POST(request: NextRequest): Promise<Response> {
  const guarded = await guardAuthPost(request);
  if (guarded instanceof Response) return guarded;
  return handlers.POST(guarded);
}
