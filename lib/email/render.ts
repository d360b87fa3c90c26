/**
 * Turns an email kind and its props into subject, HTML and plain text. Subjects follow
 * the templates' rule: a case number and the kind of event, never more; the reporter's
 * subject carries not even that.
 */
import { render } from '@react-email/render';
import { CASE_NUMBER_PATTERN } from '@/lib/cases/case-number';
import { createElement, type ComponentType } from 'react';
import { DeadlineDigestEmail, type DeadlineDigestEmailProps } from './templates/deadline-digest';
import { InfoRequestExpiredEmail, type InfoRequestExpiredEmailProps } from './templates/info-request-expired';
import { NewReportEmail, type NewReportEmailProps } from './templates/new-report';
import { ReporterRepliedEmail, type ReporterRepliedEmailProps } from './templates/reporter-replied';
import { ReporterUpdateEmail, type ReporterUpdateEmailProps } from './templates/reporter-update';
import { SummonsReminderEmail, type SummonsReminderEmailProps } from './templates/summons-reminder';

/** Every email the WBS sends, by the `kind` stored on its outbox row. */
export type EmailTemplateProps = {
  new_report: NewReportEmailProps;
  reporter_replied: ReporterRepliedEmailProps;
  info_request_expired: InfoRequestExpiredEmailProps;
  summons_reminder: SummonsReminderEmailProps;
  deadline_digest: DeadlineDigestEmailProps;
  reporter_update: ReporterUpdateEmailProps;
};
export type EmailKind = keyof EmailTemplateProps;

export type RenderedEmail = { subject: string; html: string; text: string };

type Template<P> = { component: ComponentType<P>; subject: (props: P) => string };

const TEMPLATES: { [K in EmailKind]: Template<EmailTemplateProps[K]> } = {
  new_report: { component: NewReportEmail, subject: (p) => `[WBS] Laporan baru ${p.caseNumber}` },
  reporter_replied: {
    component: ReporterRepliedEmail,
    subject: (p) =>
      p.via === 'answer' ? `[WBS] Jawaban pelapor ${p.caseNumber}` : `[WBS] Pesan baru dari pelapor ${p.caseNumber}`,
  },
  info_request_expired: {
    component: InfoRequestExpiredEmail,
    subject: (p) => `[WBS] Batas waktu kelengkapan terlewati ${p.caseNumber}`,
  },
  summons_reminder: { component: SummonsReminderEmail, subject: (p) => `[WBS] Pengingat pemanggilan besok ${p.caseNumber}` },
  deadline_digest: {
    component: DeadlineDigestEmail,
    subject: (p) => {
      const overdue = p.items.filter((item) => item.overdue).length;
      return `[WBS] Ringkasan tenggat: ${overdue} terlambat, ${p.items.length - overdue} segera jatuh tempo`;
    },
  },
  // No "[WBS]" tag and no number: the subject line is what a shared mailbox shows first.
  reporter_update: { component: ReporterUpdateEmail, subject: () => 'Ada pembaruan pada laporan Anda' },
};

/** The case numbers a set of props would print; every one must look like `2026-0001`. */
function caseNumbersOf(props: EmailTemplateProps[EmailKind]): string[] {
  if ('items' in props) return props.items.map((item) => item.caseNumber);
  if ('caseNumber' in props) return [props.caseNumber];
  return [];
}

/**
 * Why check at run time what the types already say: a caller holding a loosely typed
 * value could still pass report text as a "case number". Refusing anything that is not
 * a case number keeps the content rule true even then.
 */
function assertContentFree(kind: EmailKind, props: EmailTemplateProps[EmailKind]): void {
  for (const caseNumber of caseNumbersOf(props)) {
    if (typeof caseNumber !== 'string' || !CASE_NUMBER_PATTERN.test(caseNumber)) {
      throw new Error(`email ${kind}: refusing a case number that is not of the form 2026-0001`);
    }
  }
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(props.baseUrl)) {
    throw new Error(`email ${kind}: baseUrl must be an http(s) origin`);
  }
}

/**
 * Renders one email: the subject, the HTML part and the plain-text part (the same
 * markup through react-email's text conversion, so the two never say different things).
 */
export async function renderEmail<K extends EmailKind>(kind: K, props: EmailTemplateProps[K]): Promise<RenderedEmail> {
  assertContentFree(kind, props);
  const template = TEMPLATES[kind] as Template<EmailTemplateProps[K]>;
  const body = 'caseNumber' in props ? await renderForCase(kind, props as EmailTemplateProps[K] & { caseNumber: string }) : await renderBody(kind, props);
  return { subject: template.subject(props), ...body };
}

type Body = { html: string; text: string };

async function renderBody<K extends EmailKind>(kind: K, props: EmailTemplateProps[K]): Promise<Body> {
  const element = createElement(TEMPLATES[kind].component as ComponentType<object>, props as object);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

/**
 * An email about one case differs from the next only in its case number, and rendering
 * it (React, then the text conversion) cost 10–30 ms inside the report's transaction
 * (npm run bench). So each template is rendered once per office, origin, kind and
 * case-number length with a stand-in number, and the real number is put in its place.
 * Trusted only when two different stand-ins give the same email once swapped (the
 * stand-in appears nowhere else, e.g. not in the office's phone number); otherwise that
 * template is always rendered in full. Pure function memo: nothing is decided from it.
 */
type CaseTemplate = { html: string; text: string; standIn: string } | 'render';
const caseTemplates = new Map<string, Promise<CaseTemplate>>();
const MAX_CASE_TEMPLATES = 200;

async function renderForCase<K extends EmailKind>(kind: K, props: EmailTemplateProps[K] & { caseNumber: string }): Promise<Body> {
  const { caseNumber, ...rest } = props;
  const key = JSON.stringify([kind, caseNumber.length, rest]);
  let template = caseTemplates.get(key);
  if (!template) {
    template = learnCaseTemplate(kind, props);
    if (caseTemplates.size >= MAX_CASE_TEMPLATES) caseTemplates.clear();
    caseTemplates.set(key, template);
  }
  const known = await template;
  if (known === 'render') return renderBody(kind, props);
  return { html: known.html.replaceAll(known.standIn, caseNumber), text: known.text.replaceAll(known.standIn, caseNumber) };
}

async function learnCaseTemplate<K extends EmailKind>(kind: K, props: EmailTemplateProps[K] & { caseNumber: string }): Promise<CaseTemplate> {
  const length = props.caseNumber.length;
  // Same shape as the real number (four digits, a dash, digits), so lines wrap alike.
  const standIn = (digit: string) => `${digit.repeat(4)}-${digit.repeat(length - 5)}`;
  const [a, b] = [standIn('7'), standIn('3')];
  const [first, second] = await Promise.all([renderBody(kind, { ...props, caseNumber: a }), renderBody(kind, { ...props, caseNumber: b })]);
  const same =
    first.html.includes(a) &&
    first.html.replaceAll(a, '\u0000') === second.html.replaceAll(b, '\u0000') &&
    first.text.replaceAll(a, '\u0000') === second.text.replaceAll(b, '\u0000');
  return same ? { ...first, standIn: a } : 'render';
}
