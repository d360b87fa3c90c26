import { Text } from '@react-email/components';
import { OfficerLayout, SAMPLE_BASE_URL, SAMPLE_OFFICE, officerCaseUrl, textStyle, type OfficerCaseEmailProps } from './layout';

/**
 * Who is summoned, where and why stay in the WBS: a role (pelapor, saksi, terlapor) next
 * to a case number already says too much in a mailbox others may read.
 */
export type SummonsReminderEmailProps = OfficerCaseEmailProps;

/** To officers: a summons on this case takes place tomorrow. */
export function SummonsReminderEmail({ caseNumber, office, baseUrl }: SummonsReminderEmailProps) {
  const href = officerCaseUrl(baseUrl, caseNumber);
  return (
    <OfficerLayout
      office={office}
      preview={`Pengingat: pemanggilan besok — kasus ${caseNumber}`}
      action={{ href, label: `Buka kasus ${caseNumber}` }}
    >
      <Text style={textStyle}>
        Terdapat jadwal pemanggilan pada kasus <strong>{caseNumber}</strong> besok. Waktu, tempat, dan agenda
        pemanggilan dapat dilihat pada halaman kasus.
      </Text>
    </OfficerLayout>
  );
}

SummonsReminderEmail.PreviewProps = {
  caseNumber: '2026-0001',
  office: SAMPLE_OFFICE,
  baseUrl: SAMPLE_BASE_URL,
} satisfies SummonsReminderEmailProps;

export default SummonsReminderEmail;
