import { cookies } from 'next/headers';
import { getDb } from '@/lib/db/client';
import { handleUploadDelete } from '@/lib/cases/pending-uploads-http';
import { PENDING_UPLOAD_COOKIE } from '@/lib/cases/pending-uploads';

/** The reporter removes a file sent ahead of the report. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const token = (await cookies()).get(PENDING_UPLOAD_COOKIE)?.value;
  return handleUploadDelete(getDb(), request, { id, token });
}
