import { unstable_rethrow } from 'next/navigation';
import { requireOfficer } from '@/lib/auth/session';
import { downloadRefusal, DOWNLOAD_HEADERS } from '@/lib/cases/evidence-download';
import { loadSummonsCalendar } from '@/lib/cases/summons-documents';
import { getDb } from '@/lib/db/client';

/**
 * GET /petugas/kasus/[caseNumber]/panggilan/[summonsId]/ics: the summons as a calendar
 * file, for a signed-in officer only (checked here: the layout does not guard route
 * handlers). The file names no person, only role, case number, time, place and agenda.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ caseNumber: string; summonsId: string }> },
): Promise<Response> {
  try {
    const officer = await requireOfficer();
    const { caseNumber, summonsId } = await params;
    const { fileName, text } = await loadSummonsCalendar(getDb(), officer, caseNumber, summonsId);
    return new Response(text, {
      status: 200,
      headers: {
        ...DOWNLOAD_HEADERS,
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
      },
    });
  } catch (error) {
    unstable_rethrow(error);
    return downloadRefusal(error);
  }
}
