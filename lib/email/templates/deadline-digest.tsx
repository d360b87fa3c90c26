import { Section, Text } from '@react-email/components';
import { formatOfficeDate } from '@/lib/office-time';
import { officerLabel, type CaseState } from '@/lib/cases/workflow';
import { OfficerLayout, SAMPLE_BASE_URL, SAMPLE_OFFICE, officerCaseUrl, textStyle, trimBase, type OfficeInfo } from './layout';

/**
 * One line of the digest. The state is the workflow's enum, not free text, so the label
 * printed is always one of the officer labels of DESIGN.md and nothing else.
 */
export type DigestItem = {
  caseNumber: string;
  state: CaseState;
  dueAt: Date;
  /** Past its due date; otherwise due within two working days. */
  overdue: boolean;
};

export type DeadlineDigestEmailProps = {
  items: readonly DigestItem[];
  office: OfficeInfo;
  baseUrl: string;
};

/** The date as the office reads it (WITA), e.g. "12 Mei 2026". */
export function formatDueDate(date: Date): string {
  return formatOfficeDate(date);
}

function ItemLines({ items, baseUrl }: { items: readonly DigestItem[]; baseUrl: string }) {
  return (
    <>
      {items.map((item) => (
        <Text key={item.caseNumber} style={{ ...textStyle, margin: '0 0 6px' }}>
          <a href={officerCaseUrl(baseUrl, item.caseNumber)}>{item.caseNumber}</a>
          {` — ${officerLabel(item.state)} — tenggat ${formatDueDate(item.dueAt)}`}
        </Text>
      ))}
    </>
  );
}

/** To officers, daily: cases overdue or due within two working days. */
export function DeadlineDigestEmail({ items, office, baseUrl }: DeadlineDigestEmailProps) {
  const overdue = items.filter((item) => item.overdue);
  const dueSoon = items.filter((item) => !item.overdue);
  return (
    <OfficerLayout
      office={office}
      preview={`Ringkasan tenggat: ${overdue.length} terlambat, ${dueSoon.length} segera jatuh tempo`}
      action={{ href: `${trimBase(baseUrl)}/petugas`, label: 'Buka kotak masuk WBS' }}
    >
      <Text style={textStyle}>
        Berikut ringkasan harian kasus yang telah melewati tenggat atau akan jatuh tempo dalam dua hari kerja.
      </Text>
      {overdue.length > 0 ? (
        <Section style={{ margin: '0 0 14px' }}>
          <Text style={{ ...textStyle, fontWeight: 'bold', margin: '0 0 6px' }}>{`Melewati tenggat (${overdue.length})`}</Text>
          <ItemLines items={overdue} baseUrl={baseUrl} />
        </Section>
      ) : null}
      {dueSoon.length > 0 ? (
        <Section style={{ margin: '0 0 14px' }}>
          <Text style={{ ...textStyle, fontWeight: 'bold', margin: '0 0 6px' }}>
            {`Jatuh tempo dalam dua hari kerja (${dueSoon.length})`}
          </Text>
          <ItemLines items={dueSoon} baseUrl={baseUrl} />
        </Section>
      ) : null}
      {items.length === 0 ? <Text style={textStyle}>Tidak ada kasus yang terlambat atau segera jatuh tempo.</Text> : null}
    </OfficerLayout>
  );
}

DeadlineDigestEmail.PreviewProps = {
  items: [
    { caseNumber: '2026-0003', state: 'received', dueAt: new Date('2026-05-11T15:59:59Z'), overdue: true },
    { caseNumber: '2026-0007', state: 'investigating', dueAt: new Date('2026-05-13T15:59:59Z'), overdue: false },
  ],
  office: SAMPLE_OFFICE,
  baseUrl: SAMPLE_BASE_URL,
} satisfies DeadlineDigestEmailProps;

export default DeadlineDigestEmail;
