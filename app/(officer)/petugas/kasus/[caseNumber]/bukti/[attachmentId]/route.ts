import { unstable_rethrow } from 'next/navigation';
import { requireOfficer } from '@/lib/auth/session';
import { downloadRefusal, evidenceResponse, loadEvidenceForOfficer } from '@/lib/cases/evidence-download';
import { getDb } from '@/lib/db/client';

/**
 * GET /petugas/kasus/[caseNumber]/bukti/[attachmentId]: one evidence file, decrypted on
 * the fly, for a signed-in officer only. The officer layout does not guard route
 * handlers, so the session is checked here, and the loader takes only the AuthorizedOfficer that check
 * produces; a refusal is a
 * short text with 401/403/404, never file bytes and never a redirect. Always an
 * attachment named bukti-<case>-<n>.<detected ext>, nosniff, and sandboxed by CSP.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ caseNumber: string; attachmentId: string }> },
): Promise<Response> {
  try {
    const officer = await requireOfficer();
    const { caseNumber, attachmentId } = await params;
    const file = await loadEvidenceForOfficer(getDb(), officer, caseNumber, attachmentId);
    return evidenceResponse(file);
  } catch (error) {
    unstable_rethrow(error);
    return downloadRefusal(error);
  }
}
