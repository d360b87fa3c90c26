/**
 * The only email a reporter ever receives, and only with their consent. Its mailbox may
 * be read by others, so it carries the fixed sentence and the office name — no case
 * number, no state, no note. The props cannot hold anything else.
 */
import { Body, Container, Head, Html, Text } from '@react-email/components';
import { SAMPLE_BASE_URL, SAMPLE_OFFICE, trimBase, type OfficeInfo } from './layout';

export type ReporterUpdateEmailProps = {
  office: Pick<OfficeInfo, 'name'>;
  baseUrl: string;
};

/** The status page address the sentence points to. */
export function statusUrl(baseUrl: string): string {
  return `${trimBase(baseUrl)}/status`;
}

const textStyle = { color: '#18181b', fontFamily: 'Arial, Helvetica, sans-serif', fontSize: '15px', lineHeight: '22px' } as const;

/** To the reporter: "there is an update, check with your ticket" — nothing else. */
export function ReporterUpdateEmail({ office, baseUrl }: ReporterUpdateEmailProps) {
  const href = statusUrl(baseUrl);
  return (
    <Html lang="id">
      <Head />
      <Body>
        <Container>
          <Text style={textStyle}>
            Ada pembaruan pada laporan Anda — periksa di <a href={href}>{href}</a> dengan kode tiket Anda.
          </Text>
          <Text style={textStyle}>{office.name}</Text>
        </Container>
      </Body>
    </Html>
  );
}

ReporterUpdateEmail.PreviewProps = {
  office: { name: SAMPLE_OFFICE.name },
  baseUrl: SAMPLE_BASE_URL,
} satisfies ReporterUpdateEmailProps;

export default ReporterUpdateEmail;
