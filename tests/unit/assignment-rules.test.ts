import { describe, expect, it } from 'vitest';
import { canAssign, canTake, caseAccess, notificationAudience } from '@/lib/cases/assignment-rules';

const officer = { id: 1, role: 'officer' as const };
const admin = { id: 9, role: 'admin' as const };
const facts = (over: Partial<Parameters<typeof caseAccess>[1]> = {}) => ({ restricted: false, assignedOfficerIds: [], recusedOfficerIds: [], ...over });

describe('caseAccess', () => {
  it('lets anyone open an unrestricted case', () => {
    expect(caseAccess(officer, facts())).toEqual({ ok: true, assigned: false });
    expect(caseAccess(officer, facts({ assignedOfficerIds: [1] }))).toEqual({ ok: true, assigned: true });
  });
  it('refuses a recused officer, admins included, even when restricted or assigned', () => {
    expect(caseAccess(officer, facts({ recusedOfficerIds: [1] }))).toEqual({ ok: false, reason: 'recused' });
    expect(caseAccess(admin, facts({ recusedOfficerIds: [9], restricted: true }))).toEqual({ ok: false, reason: 'recused' });
    expect(caseAccess(officer, facts({ recusedOfficerIds: [1], assignedOfficerIds: [1] }))).toEqual({ ok: false, reason: 'recused' });
  });
  it('keeps a restricted case to its officers and admins', () => {
    expect(caseAccess(officer, facts({ restricted: true }))).toEqual({ ok: false, reason: 'restricted' });
    expect(caseAccess(officer, facts({ restricted: true, assignedOfficerIds: [1] }))).toEqual({ ok: true, assigned: true });
    expect(caseAccess(admin, facts({ restricted: true }))).toEqual({ ok: true, assigned: false });
  });
});

describe('canTake / canAssign', () => {
  it('takes only an unassigned case the officer may open', () => {
    expect(canTake(officer, facts())).toEqual({ ok: true });
    expect(canTake(officer, facts({ assignedOfficerIds: [2] }))).toEqual({ ok: false, reason: 'already_assigned' });
    expect(canTake(officer, facts({ recusedOfficerIds: [1] }))).toEqual({ ok: false, reason: 'recused' });
    expect(canTake(officer, facts({ restricted: true }))).toEqual({ ok: false, reason: 'restricted' });
  });
  it('assigns only active, non-recused officers not already assigned', () => {
    expect(canAssign({ id: 1, active: true }, facts())).toEqual({ ok: true });
    expect(canAssign({ id: 1, active: false }, facts())).toEqual({ ok: false, reason: 'target_inactive' });
    expect(canAssign({ id: 1, active: true }, facts({ recusedOfficerIds: [1] }))).toEqual({ ok: false, reason: 'target_recused' });
    expect(canAssign({ id: 1, active: true }, facts({ assignedOfficerIds: [1] }))).toEqual({ ok: false, reason: 'already_assigned' });
  });
});

describe('notificationAudience', () => {
  it('sends a new report to everyone but the recused', () => {
    expect(notificationAudience('new_report', facts({ assignedOfficerIds: [1], recusedOfficerIds: [3] }))).toEqual({ only: null, exclude: [3], includeAdmins: false });
  });
  it('sends later news to the case officers once there are some', () => {
    expect(notificationAudience('case_event', facts({ assignedOfficerIds: [1, 2] }))).toEqual({ only: [1, 2], exclude: [], includeAdmins: false });
    expect(notificationAudience('case_event', facts())).toEqual({ only: null, exclude: [], includeAdmins: false });
  });
  it('on a restricted case, nobody beyond its officers and admins hears of it', () => {
    expect(notificationAudience('new_report', facts({ restricted: true, assignedOfficerIds: [1] }))).toEqual({ only: [1], exclude: [], includeAdmins: true });
    expect(notificationAudience('case_event', facts({ restricted: true }))).toEqual({ only: [], exclude: [], includeAdmins: true });
  });
});
