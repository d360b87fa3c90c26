import { render } from '@react-email/render';
import { createElement, type ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '@/lib/email/render';
import { InfoRequestExpiredEmail } from '@/lib/email/templates/info-request-expired';
import { NewReportEmail } from '@/lib/email/templates/new-report';
import { ReporterRepliedEmail } from '@/lib/email/templates/reporter-replied';

/**
 * renderEmail renders a single-case template once and puts each case number into it
 * (lib/email/render.ts). Whatever it hands out must be exactly what a full render of
 * that case's email gives.
 */

async function fullRender(component: ComponentType<object>, props: object) {
  const element = createElement(component, props);
  return { html: await render(element), text: await render(element, { plainText: true }) };
}

const office = { name: 'Biro Umum Setda Provinsi NTT', address: 'Jl. El Tari No. 52, Kupang' };
const baseUrl = 'https://wbs.nttprov.go.id';

describe('emails about one case', () => {
  const cases: [string, ComponentType<object>, object][] = [
    ['new_report', NewReportEmail as ComponentType<object>, {}],
    ['reporter_replied', ReporterRepliedEmail as ComponentType<object>, { via: 'answer' }],
    ['reporter_replied', ReporterRepliedEmail as ComponentType<object>, { via: 'message' }],
    ['info_request_expired', InfoRequestExpiredEmail as ComponentType<object>, {}],
  ];
  for (const [kind, component, extra] of cases) {
    it(`are the full render for every case number (${kind} ${JSON.stringify(extra)})`, async () => {
      for (const caseNumber of ['2026-0001', '2026-0042', '2026-12345', '2027-100001', '2026-0001']) {
        const props = { caseNumber, office, baseUrl, ...extra };
        const email = await renderEmail(kind as 'new_report', props as never);
        expect(email.html).toBe((await fullRender(component, props)).html);
        expect(email.text).toBe((await fullRender(component, props)).text);
        expect(email.html).toContain(caseNumber);
      }
    });
  }

  it('are right even when the office text holds what looks like a case number', async () => {
    const tricky = { name: 'Biro Umum 7777-7777', address: 'Kotak Pos 3333-3333, Kupang' };
    for (const caseNumber of ['2026-0007', '2026-0008']) {
      const props = { caseNumber, office: tricky, baseUrl };
      const email = await renderEmail('new_report', props);
      expect(email.html).toBe((await fullRender(NewReportEmail as ComponentType<object>, props)).html);
      expect(email.text).toContain('7777-7777');
    }
  });
});
