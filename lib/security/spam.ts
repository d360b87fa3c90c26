import { foldText, readDigitsAsLetters, spamViews } from './normalize';

/**
 * A plain, explainable score for submissions that look like gambling spam (the seed
 * page itself carries injected "slot dana slot777"). A high score sends a report to
 * quarantine for an officer to look at; nothing is ever deleted on this score alone.
 *
 * The text is first read through its disguises (normalize.ts); every rule is then
 * matched against each reading and counts once. What scores is *advertising*: brand
 * names, gambling-marketing jargon, calls to sign up or deposit, links. Words that
 * only name the topic ("judi", "slot", "togel", "toto") score nothing on their own,
 * because a report about an official who gambles is a real report.
 */

export const QUARANTINE_THRESHOLD = 5;
const HONEYPOT_POINTS = 10;
const MAX_LINK_POINTS = 3;

export type SpamRule = { id: string; label: string; points: number; pattern: RegExp };

/*
 * Patterns use \s? between words: a disguise may have joined them ("slotdana"). Long
 * distinctive terms have no leading \b for the same reason; short ones keep it so
 * that ordinary words ("deposito", "wdr") do not match.
 */
export const SPAM_RULES: readonly SpamRule[] = [
  // Brand names: a gambling word with a number (slot777, gacor88, togel4d).
  { id: 'brand', label: 'nama situs judi (mis. slot777)', points: 3, pattern: /(slot|gacor|maxwin|togel|sbobet|zeus|olympus|mpo|hoki|sultan|judi|jp)\s?(\d{2,3}|4d)(?!\d)/ },
  { id: 'slot-jargon', label: 'slot + istilah promosi (slot dana, slot gacor, …)', points: 2, pattern: /slot\s?(dana|gacor|online\s?(terpercaya|resmi|gacor)|pulsa|thailand|kamboja|server|demo|resmi|terpercaya|vip|hoki|maxwin|deposit)/ },
  { id: 'gacor', label: 'istilah "gacor"', points: 3, pattern: /gacor/ },
  { id: 'maxwin', label: 'istilah "maxwin"', points: 3, pattern: /max\s?win/ },
  { id: 'scatter', label: 'istilah "scatter"', points: 3, pattern: /scatter/ },
  { id: 'sbobet', label: 'nama bandar (sbobet, pragmatic, …)', points: 3, pattern: /sbobet|pragmatic\s?play|habanero|pgsoft|pg\s?soft\s?slot/ },
  { id: 'game-names', label: 'nama permainan slot (olympus, mahjong ways, bonanza, …)', points: 3, pattern: /gates?\s?of\s?olympus|mahjong\s?ways|sweet\s?bonanza|starlight\s?princess|zeus\s?slot|slot\s?zeus/ },
  { id: 'rtp', label: 'istilah "RTP"', points: 3, pattern: /\brtp(\s?live|\s?slot|\s?gacor|\s?tinggi|\s?\d)?\b/ },
  { id: 'rungkad', label: 'istilah "rungkad" / "jp paus" / "pola"', points: 3, pattern: /rungkad|\bjp\s?(paus|besar|hari\s?ini)|pola\s?(gacor|slot|maxwin|jp)/ },
  { id: 'multiplier', label: 'pengali menang (x500, x1000)', points: 2, pattern: /\bx\s?(250|500|1000|5000)\b/ },
  { id: 'toto', label: 'toto + pasaran (toto macau, toto 4d, …)', points: 2, pattern: /\btoto\s?(macau|4d|sgp|hk|slot|togel|gelap|online|terpercaya)|togel\s?(online|hari\s?ini|terpercaya|sgp|hk|macau|4d)/ },
  { id: 'gambling-site', label: 'situs/agen/bandar judi', points: 1, pattern: /\b(situs|agen|bandar|bo)\s?(slot|judi|togel|toto|gacor|casino|kasino)/ },
  { id: 'trusted', label: 'klaim "terpercaya/resmi/terbaik"', points: 2, pattern: /(slot|judi|togel|toto|situs|agen|bandar|casino|kasino)\s?(online\s?)?(terpercaya|terbaik|terbesar|resmi|no\s?1|nomor\s?1|nomor\s?satu)/ },
  { id: 'sign-up', label: 'ajakan mendaftar', points: 2, pattern: /(daftar|gabung|join)\s?(sekarang|disini|di\s?sini|langsung|segera|gratis)|(ayo|yuk|buruan|segera)\s?(daftar|gabung|join)/ },
  { id: 'bonus', label: 'tawaran bonus', points: 2, pattern: /bonus\s?(new\s?member|member\s?baru|deposit|harian|cashback|rollingan|\d+\s?%?)|cashback|rollingan|free\s?(bet|spin)|freebet|freespin/ },
  { id: 'deposit', label: 'ajakan deposit / withdraw', points: 2, pattern: /\bdepo\b|\b(min(imal)?\s?)?depo(sit)?\s?(\d+\s?(k|rb|ribu)\b|pulsa|via|tanpa\s?potongan|murah)|\bwd\b|withdraw/ },
  { id: 'guaranteed-win', label: 'janji menang', points: 2, pattern: /(dijamin|pasti|gampang|mudah|auto)\s?(menang|jp|wd|maxwin|gacor|cuan|bayar|sultan|jackpot)|jackpot|menang\s?besar|anti\s?kalah/ },
  { id: 'link-cta', label: 'ajakan membuka tautan', points: 2, pattern: /link\s?(alternatif|resmi|login|daftar|gacor|slot|vip)|klik\s?(link|disini|di\s?sini|tautan)|link\s?(di|in)\s?bio/ },
  { id: 'contact-cs', label: 'ajakan menghubungi admin/CS', points: 2, pattern: /(hubungi|chat|kontak)\s?(kami|admin|cs\b)|\b(cs|admin)\s?24\s?jam|\blivechat\b/ },
];

/**
 * Links, counted on the folded text (dots kept), also when written "slot777 . com" or
 * "[.]". A domain label starts only where no label character precedes it and is at most
 * 63 characters, so the scan stays linear ("a-a-a-…" would otherwise start everywhere).
 */
const LINK_PATTERN =
  /\bhttps?\s?:\s?\/\/|\bwww\s?\.|\b(wa\.me|t\.me|bit\.ly|tinyurl\.com|linktr\.ee|s\.id)\/|(?<![a-z0-9-])[a-z0-9-]{2,63}\s?(\.|\[\.\]|\(\.\)|\bdot\b)\s?(com|net|xyz|top|site|online|vip|club|live|bet|casino|link|asia|pro|fun|shop|win|lol|cc|io|me|info|biz)\b/g;

const GAMBLING_ADDRESS = /slot|gacor|togel|judi|toto|maxwin|casino|kasino|sbobet|scatter|zeus|olympus/;

export type SpamReason = { id: string; label: string; points: number; view?: string; match?: string };

export type SpamAnalysis = { score: number; quarantine: boolean; reasons: SpamReason[] };

export type SpamInput = { texts: string[]; honeypot?: string | null };

/**
 * Scores a submission and says why: each rule that matched, its points, and which
 * reading of the text it matched in ("teks", "tanpa pemisah", "angka dibaca huruf").
 */
export function analyzeSpam({ texts, honeypot }: SpamInput): SpamAnalysis {
  const reasons: SpamReason[] = [];
  if (honeypot && honeypot.trim() !== '') reasons.push({ id: 'honeypot', label: 'kolom jebakan bot terisi', points: HONEYPOT_POINTS });

  const raw = texts.filter(Boolean).join('\n');
  const views = spamViews(raw);
  for (const rule of SPAM_RULES) {
    for (const view of views) {
      const match = rule.pattern.exec(view.text);
      if (match) {
        reasons.push({ id: rule.id, label: rule.label, points: rule.points, view: view.name, match: match[0] });
        break;
      }
    }
  }

  const links = foldText(raw).match(LINK_PATTERN) ?? [];
  if (links.length > 0) {
    reasons.push({ id: 'links', label: `${links.length} tautan`, points: Math.min(links.length, MAX_LINK_POINTS) });
    // A link whose address is itself a gambling name ("slot777.vip") advertises on its own.
    const gambling = links.find((link) => GAMBLING_ADDRESS.test(link) || GAMBLING_ADDRESS.test(readDigitsAsLetters(link)));
    if (gambling) reasons.push({ id: 'gambling-link', label: 'tautan ke alamat bernama judi', points: 2, match: gambling });
  }

  const score = reasons.reduce((sum, reason) => sum + reason.points, 0);
  return { score, quarantine: score >= QUARANTINE_THRESHOLD, reasons };
}

export function spamScore(input: SpamInput): number {
  return analyzeSpam(input).score;
}

export function looksLikeSpam(input: SpamInput): boolean {
  return analyzeSpam(input).quarantine;
}
