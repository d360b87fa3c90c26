import { handlers } from '@/auth';

/** Auth.js endpoints (session, csrf, callback, signout) used by next-auth itself. */
export const { GET, POST } = handlers;
