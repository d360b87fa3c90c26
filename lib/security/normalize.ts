import anyAscii from 'any-ascii';
import confusables from 'unhomoglyph/data.json';

/**
 * Text as a spam filter should read it: the disguises a human reader sees through
 * (look-alike letters, full-width forms, invisible characters, "sl0t", "s l o t",
 * "slot-777") undone, so the scorer (spam.ts) matches plain terms against plain text.
 * The result is for matching only, never shown or stored.
 *
 * Look-alikes come from Unicode's own confusables table (UTS #39, via the
 * `unhomoglyph` package), then `any-ascii` transliterates what the table leaves
 * (small capitals, enclosed and squared letters). The only hand-written table is the
 * digits-and-symbols-for-letters one below, which no Unicode table covers.
 */

/** Digits and symbols written for letters ("sl0t", "g4c0r", "$lot"). */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i', // or "l": see the two variants in spamViews
  '2': 'z',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '$': 's',
  '@': 'a',
  '|': 'l',
  '!': 'i',
  '+': 't',
};

const typedConfusables = confusables as Record<string, string>;

const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
const MARKS = /\p{M}/gu;
const NON_ASCII_CHAR = /[^\x00-\x7f]/gu;
const LATIN = /^\p{Script=Latin}$/u;

/**
 * A letter the confusables table left (small capitals, squared letters) becomes its
 * ASCII letter; a pictograph or any other symbol ("slot🎰777") stands between words
 * like a space, rather than becoming any-ascii's ":slot_machine:".
 */
function transliterate(ch: string): string {
  const ascii = anyAscii(ch);
  return /^[A-Za-z0-9]{1,4}$/.test(ascii) ? ascii : ' ';
}

function stripMarks(text: string): string {
  return text.normalize('NFD').replace(MARKS, '');
}

/**
 * Unicode folding: NFKC (full-width and mathematical letters), invisible characters
 * removed, combining marks removed, confusable letters mapped to Latin, the rest
 * transliterated to ASCII, lower case. Separators and digits are left as they are.
 */
export function foldText(input: string): string {
  let text = input.normalize('NFKC').replace(INVISIBLE, '');
  text = stripMarks(text);
  // Latin letters (ø, ł, small capitals) are transliterated; the confusables table is
  // for other scripts (Cyrillic ѕ, Greek ο, Cherokee Ꮪ), since it maps by shape, not by
  // letter ("ᴋ" → "ĸ"), and also maps ASCII ("m" → "rn") for comparing two strings.
  text = text.replace(NON_ASCII_CHAR, (ch) => (LATIN.test(ch) ? transliterate(ch) : (typedConfusables[ch] ?? ch)));
  text = stripMarks(text);
  text = text.replace(NON_ASCII_CHAR, transliterate);
  // A capital I inside a lower-case word is an l in disguise ("sIot").
  text = text.replace(/(?<=[a-z])I(?=[a-z])/g, 'l');
  return text.toLowerCase();
}

/**
 * Digits and symbols between letters read as letters: "sl0t777" → "slot777" (a run
 * of digits after a word is left alone: it is a brand number, not a disguise).
 */
export function readDigitsAsLetters(text: string, one: 'i' | 'l' = 'i'): string {
  return text.replace(/[0-9$@|!+]+/g, (run, offset: number, whole: string) => {
    const before = /[a-z]/.test(whole[offset - 1] ?? '');
    const after = /[a-z]/.test(whole[offset + run.length] ?? '');
    const leet = (before && after && run.length <= 3) || (run.length === 1 && (before || after));
    if (!leet) return run;
    return [...run].map((ch) => (ch === '1' ? one : LEET[ch] ?? ch)).join('');
  });
}

/**
 * Separators between letters collapsed: any run of punctuation or space becomes one
 * space, and a run of single characters ("s l o t 7 7 7", "s.l.o.t") is joined into
 * one word.
 */
export function spacedWords(text: string): string {
  const words = text.split(/[^a-z0-9]+/).filter(Boolean);
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 3) out.push(run.join(''));
    else out.push(...run);
    run = [];
  };
  for (const word of words) {
    if (word.length === 1) run.push(word);
    else {
      flush();
      out.push(word);
    }
  }
  flush();
  return out.join(' ');
}

/** Single dots, dashes and underscores inside a word removed: "slot-777", "ga.cor", "max_win". */
export function squeezedWords(text: string): string {
  return spacedWords(text.replace(/(?<=[a-z0-9])[._\-~*'](?=[a-z0-9])/g, ''));
}

export type SpamView = { name: string; text: string };

/**
 * The readings the scorer matches against; a rule counts once if any reading matches.
 * Each is named, so a score can say how a disguise was seen through.
 */
export function spamViews(input: string): SpamView[] {
  const folded = foldText(input);
  const views: SpamView[] = [
    { name: 'teks', text: spacedWords(folded) },
    { name: 'tanpa pemisah', text: squeezedWords(folded) },
    { name: 'angka dibaca huruf', text: squeezedWords(readDigitsAsLetters(folded, 'i')) },
    // "1" and "I" both stand for "l" as often as for "i" ("s1ot", "sIot").
    { name: 'angka dibaca huruf (l)', text: squeezedWords(readDigitsAsLetters(folded, 'l').replace(/i/g, 'l')) },
  ];
  return views;
}
