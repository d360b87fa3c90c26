import { Text } from '@react-email/components';
import { OfficerLayout, SAMPLE_BASE_URL, SAMPLE_OFFICE, officerCaseUrl, textStyle, type OfficerCaseEmailProps } from './layout';

export type InfoRequestExpiredEmailProps = OfficerCaseEmailProps;

/** To officers: an information request passed its due date without an answer. */
export function InfoRequestExpiredEmail({ caseNumber, office, baseUrl }: InfoRequestExpiredEmailProps) {
  const href = officerCaseUrl(baseUrl, caseNumber);
  return (
    <OfficerLayout
      office={office}
      preview={`Batas waktu kelengkapan terlewati — kasus ${caseNumber}`}
      action={{ href, label: `Buka kasus ${caseNumber}` }}
    >
      <Text style={textStyle}>
        Permintaan kelengkapan informasi pada kasus <strong>{caseNumber}</strong> telah melewati batas waktu
        tanpa jawaban dari pelapor. Mohon tentukan tindak lanjut kasus ini.
      </Text>
    </OfficerLayout>
  );
}

InfoRequestExpiredEmail.PreviewProps = {
  caseNumber: '2026-0001',
  office: SAMPLE_OFFICE,
  baseUrl: SAMPLE_BASE_URL,
} satisfies InfoRequestExpiredEmailProps;

export default InfoRequestExpiredEmail;
