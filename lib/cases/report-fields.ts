/**
 * Names and limits of the report form's fields, free of zod so the client form can use
 * them without shipping the validation library to a phone on 2G.
 */

export const MAX_PARTIES = 5;

export const LIMITS = {
  what: { min: 20, max: 5000 },
  where: { min: 5, max: 500 },
  whenText: { min: 3, max: 300 },
  who: { min: 3, max: 2000 },
  how: { min: 20, max: 5000 },
  partyField: 200,
  name: 120,
  phone: 30,
  email: 200,
  address: 500,
} as const;

/** Form field name of a reported person's field, e.g. party0Name. */
export function partyField(index: number, field: 'Name' | 'Position' | 'WorkUnit'): string {
  return `party${index}${field}`;
}
