import { Text } from '@react-email/components';
import { OfficerLayout, SAMPLE_BASE_URL, SAMPLE_OFFICE, officerCaseUrl, textStyle, type OfficerCaseEmailProps } from './layout';

/** How the reporter wrote: an answer to an information request, or a message of their own. */
export type ReporterReplyVia = 'answer' | 'message';

export type ReporterRepliedEmailProps = OfficerCaseEmailProps & { via: ReporterReplyVia };

/** What the email says happened; the reply itself stays in the WBS. */
export const REPLY_EVENT_TEXT: Record<ReporterReplyVia, string> = {
  answer: 'Pelapor telah menjawab permintaan kelengkapan informasi',
  message: 'Pelapor mengirim pesan baru',
};

/** To officers: the reporter answered an information request or sent a message. */
export function ReporterRepliedEmail({ caseNumber, via, office, baseUrl }: ReporterRepliedEmailProps) {
  const href = officerCaseUrl(baseUrl, caseNumber);
  return (
    <OfficerLayout
      office={office}
      preview={`${REPLY_EVENT_TEXT[via]} — kasus ${caseNumber}`}
      action={{ href, label: `Buka kasus ${caseNumber}` }}
    >
      <Text style={textStyle}>
        {`${REPLY_EVENT_TEXT[via]} pada kasus `}
        <strong>{caseNumber}</strong>. Mohon tindak lanjuti melalui halaman
        kasus.
      </Text>
    </OfficerLayout>
  );
}

ReporterRepliedEmail.PreviewProps = {
  caseNumber: '2026-0001',
  via: 'answer',
  office: SAMPLE_OFFICE,
  baseUrl: SAMPLE_BASE_URL,
} satisfies ReporterRepliedEmailProps;

export default ReporterRepliedEmail;
