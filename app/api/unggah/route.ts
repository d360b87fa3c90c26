import { cookies } from 'next/headers';
import { getDb } from '@/lib/db/client';
import { handleUploadPost, uploadTokenCookie } from '@/lib/cases/pending-uploads-http';
import { isUploadToken, newUploadToken, PENDING_UPLOAD_COOKIE, sweepPendingUploadsSoon } from '@/lib/cases/pending-uploads';
import { requestClientAddress } from '@/lib/security/client-address';
import { requestIsHttps } from '@/lib/security/sealed-cookie';

/**
 * One evidence file sent ahead of its report (the /lapor uploader, JavaScript on). The
 * browser is known by a random token in an HttpOnly cookie, created with its first upload.
 */
export async function POST(request: Request): Promise<Response> {
  const db = getDb();
  sweepPendingUploadsSoon(db);
  const existing = (await cookies()).get(PENDING_UPLOAD_COOKIE)?.value;
  const token = isUploadToken(existing) ? existing : newUploadToken();
  const response = await handleUploadPost(db, request, { token, clientAddress: requestClientAddress(request.headers) });
  if (response.status === 201) response.headers.append('Set-Cookie', uploadTokenCookie(token, await requestIsHttps()));
  return response;
}
