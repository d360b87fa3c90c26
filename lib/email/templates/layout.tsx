/**
 * What the officer emails share: the frame, the office footer and the one link they
 * carry. DESIGN.md: an email to an officer says only that something happened and the
 * case number — never report content, names, the category, file names or the ticket.
 * The props types below are therefore the whole vocabulary a template can print: there
 * is no field through which report text could travel.
 */
import { Body, Button, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

/** The office as the footer names it (settings: officeName, officeAddress). */
export type OfficeInfo = {
  name: string;
  address: string;
};

/** Props of every single-case officer email: a case number and where to open it. */
export type OfficerCaseEmailProps = {
  /** The case number, e.g. `2026-0001`; checked against lib/cases/case-number.ts when rendered. */
  caseNumber: string;
  office: OfficeInfo;
  /** The app's public origin, e.g. `https://wbs.example.go.id` (APP_URL). */
  baseUrl: string;
};

/** Sample props for the react-email preview server and the template tests. */
export const SAMPLE_OFFICE: OfficeInfo = {
  name: 'Biro Umum Setda Provinsi NTT',
  address: 'Jl. El Tari No. 52, Kupang, Nusa Tenggara Timur',
};
export const SAMPLE_BASE_URL = 'https://wbs.example.go.id';

/** The officer page of a case; the only link an officer email carries. */
export function officerCaseUrl(baseUrl: string, caseNumber: string): string {
  return `${trimBase(baseUrl)}/petugas/kasus/${encodeURIComponent(caseNumber)}`;
}

/** An origin without trailing slashes, so links never read `//status`. */
export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

const styles = {
  body: { backgroundColor: '#f4f4f5', fontFamily: 'Arial, Helvetica, sans-serif', margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', border: '1px solid #e4e4e7', borderRadius: '6px', maxWidth: '560px', padding: '24px' },
  brand: { color: '#52525b', fontSize: '13px', margin: '0 0 16px' },
  text: { color: '#18181b', fontSize: '15px', lineHeight: '22px', margin: '0 0 14px' },
  button: { backgroundColor: '#1d4ed8', borderRadius: '4px', color: '#ffffff', fontSize: '15px', padding: '10px 16px', textDecoration: 'none' },
  footer: { color: '#71717a', fontSize: '12px', lineHeight: '18px', margin: '0 0 6px' },
} as const;

export const textStyle = styles.text;

type OfficerLayoutProps = {
  office: OfficeInfo;
  /** The inbox preview line; repeats the event, never more. */
  preview: string;
  children: ReactNode;
  /** The button under the message, when there is one case to open. */
  action?: { href: string; label: string };
};

/** The frame of an officer email: brand line, message, button, confidentiality footer. */
export function OfficerLayout({ office, preview, children, action }: OfficerLayoutProps) {
  return (
    <Html lang="id">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{`Whistleblowing System (WBS) — ${office.name}`}</Text>
          <Text style={styles.text}>Yth. Petugas WBS,</Text>
          {children}
          {action ? (
            <Section style={{ margin: '8px 0 20px' }}>
              <Button href={action.href} style={styles.button}>
                {action.label}
              </Button>
            </Section>
          ) : null}
          <Hr style={{ borderColor: '#e4e4e7', margin: '20px 0 12px' }} />
          <Text style={styles.footer}>
            Demi menjaga kerahasiaan pelapor, email ini tidak memuat isi laporan. Silakan masuk ke WBS untuk
            melihat rinciannya.
          </Text>
          <Text style={styles.footer}>
            {`Email ini dikirim otomatis oleh WBS ${office.name}, ${office.address}. Mohon tidak membalas email ini.`}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
