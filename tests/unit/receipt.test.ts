import { describe, expect, it } from 'vitest';
import { confirmReceipt, lastGroupMatches, ticketGroups } from '@/lib/cases/receipt';

const TICKET = 'WBS-7K3M-QX9P-73EH-A2B3';

describe('the receipt leads on only once the code is shown to be kept', () => {
  it('splits the code into the groups it may wrap between', () => {
    expect(ticketGroups(TICKET)).toEqual(['WBS', '7K3M', 'QX9P', '73EH', 'A2B3']);
  });

  it('accepts the last group typed back as a reporter types it', () => {
    expect(lastGroupMatches(TICKET, 'A2B3')).toBe(true);
    expect(lastGroupMatches(TICKET, ' a2b3 ')).toBe(true);
    expect(lastGroupMatches('WBS-0000-1111-2222-10A1', 'lOaI')).toBe(true); // O→0, I/L→1
    expect(lastGroupMatches(TICKET, '73EH')).toBe(false);
    expect(lastGroupMatches(TICKET, '')).toBe(false);
  });

  it('lets the reporter leave without the code only after a warning', () => {
    const payload = { ticket: TICKET, nonce: 'n' };
    expect(confirmReceipt(payload, 'confirm', 'A2B3')).toBe('kept');
    expect(confirmReceipt(payload, 'confirm', 'A2B4')).toBe('wrong');
    expect(confirmReceipt(payload, 'confirm', '  ')).toBe('empty');
    expect(confirmReceipt(payload, 'leave', '')).toBe('warn');
    expect(confirmReceipt({ ...payload, warned: true }, 'leave', '')).toBe('left');
  });
});
