/**
 * A plain score for submissions that look like spam (the seed page itself carries
 * injected gambling spam). A high score sends a report to quarantine for an officer
 * to look at; nothing is ever deleted on this score alone.
 */

const GAMBLING_TERMS = [
  /\bslot\s*\d{2,}/i,
  /\bslot\s*(dana|gacor|online|pulsa|thailand)\b/i,
  /\bgacor\b/i,
  /\bmaxwin\b/i,
  /\btogel\b/i,
  /\bjudi\s*online\b/i,
  /\bsbobet\b/i,
  /\bscatter\b/i,
  /\bzeus\b/i,
  /\bdeposit\s*(pulsa|dana)\b/i,
  /\bsitus\s*(slot|judi)\b/i,
];

const URL_PATTERN = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(com|net|xyz|top|site|online|vip|club)\b/gi;

export const QUARANTINE_THRESHOLD = 5;

export type SpamInput = { texts: string[]; honeypot?: string | null };

export function spamScore({ texts, honeypot }: SpamInput): number {
  const text = texts.join('\n');
  let score = 0;
  if (honeypot && honeypot.trim() !== '') score += 10;
  for (const term of GAMBLING_TERMS) if (term.test(text)) score += 3;
  const links = text.match(URL_PATTERN)?.length ?? 0;
  score += Math.min(links, 5);
  return score;
}

export function looksLikeSpam(input: SpamInput): boolean {
  return spamScore(input) >= QUARANTINE_THRESHOLD;
}
