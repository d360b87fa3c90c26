import { Text } from '@react-email/components';
import {
  OfficerLayout,
  SAMPLE_BASE_URL,
  SAMPLE_OFFICE,
  officerCaseUrl,
  textStyle,
  type OfficerCaseEmailProps,
} from './layout';

export type NewReportEmailProps = OfficerCaseEmailProps;

/** To officers: a report was submitted. Case number and link only (DESIGN.md). */
export function NewReportEmail({ caseNumber, office, baseUrl }: NewReportEmailProps) {
  const href = officerCaseUrl(baseUrl, caseNumber);
  return (
    <OfficerLayout
      office={office}
      preview={`Laporan baru ${caseNumber}`}
      action={{ href, label: `Buka kasus ${caseNumber}` }}
    >
      <Text style={textStyle}>
        Laporan baru telah diterima dengan nomor kasus <strong>{caseNumber}</strong>. Mohon verifikasi
        kelengkapannya dimulai sesuai tenggat yang berlaku.
      </Text>
    </OfficerLayout>
  );
}

NewReportEmail.PreviewProps = {
  caseNumber: '2026-0001',
  office: SAMPLE_OFFICE,
  baseUrl: SAMPLE_BASE_URL,
} satisfies NewReportEmailProps;

export default NewReportEmail;
