import { describe, expect, it } from 'vitest';
import { foldText, readDigitsAsLetters, spamViews, spacedWords, squeezedWords } from '@/lib/security/normalize';
import { analyzeSpam, looksLikeSpam, QUARANTINE_THRESHOLD } from '@/lib/security/spam';
import { GENUINE, SPAM } from '../fixtures/spam-corpus';

describe('spam corpus (tests/fixtures/spam-corpus.ts)', () => {
  it('holds at least 40 disguised spam texts and 40 genuine reports', () => {
    expect(SPAM.length).toBeGreaterThanOrEqual(40);
    expect(GENUINE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(SPAM.map((entry) => [entry.id, entry.trick, entry.text] as const))('%s quarantines spam with: %s', (_id, _trick, text) => {
    const analysis = analyzeSpam({ texts: [text] });
    expect(analysis.score, JSON.stringify(analysis.reasons)).toBeGreaterThanOrEqual(QUARANTINE_THRESHOLD);
    expect(analysis.quarantine).toBe(true);
  });

  it.each(GENUINE.map((entry) => [entry.id, entry.trick, entry.text] as const))('%s lets a genuine report through: %s', (_id, _trick, text) => {
    const analysis = analyzeSpam({ texts: [text] });
    expect(analysis.score, JSON.stringify(analysis.reasons)).toBeLessThan(QUARANTINE_THRESHOLD);
    expect(analysis.quarantine).toBe(false);
  });

  it('scores the same across the fields a report is split into', () => {
    expect(looksLikeSpam({ texts: ['ѕlot dana', 'Kupang', 'kemarin', 'tidak ada', 'ѕl0t-777'] })).toBe(true);
  });
});

describe('normalization', () => {
  it('folds look-alike letters from other scripts to Latin (Unicode confusables)', () => {
    expect(foldText('ѕlot')).toBe('slot'); // Cyrillic dze
    expect(foldText('ɡасоr')).toBe('gacor'); // Latin script g, Cyrillic а с о
    expect(foldText('τοτο')).toBe('toto'); // Greek
    expect(foldText('ᏚᏞᎾᎢ')).toBe('slot'); // Cherokee
  });

  it('applies NFKC: full-width, mathematical and circled letters', () => {
    expect(foldText('ｓｌｏｔ７７７')).toBe('slot777');
    expect(foldText('𝐬𝐥𝐨𝐭')).toBe('slot');
    expect(foldText('ⓢⓛⓞⓣ')).toBe('slot');
  });

  it('transliterates small capitals and squared letters, not by shape', () => {
    expect(foldText('ᴍᴀxᴡɪɴ')).toBe('maxwin');
    expect(foldText('🆂🅻🅾🆃')).toBe('slot');
  });

  it('removes zero-width, formatting and combining characters', () => {
    expect(foldText('s\u200bl\u200co\u200dt\u2060\ufeff777')).toBe('slot777');
    expect(foldText('slot\u00ad777')).toBe('slot777');
    expect(foldText('\u202eslot\u202c')).toBe('slot');
    expect(foldText('s̷l̷o̷t̷ slöt')).toBe('slot slot');
  });

  it('treats pictographs as separators, not as words', () => {
    expect(spacedWords(foldText('slot🎰777'))).toBe('slot 777');
  });

  it('reads digits and symbols between letters as letters, but keeps a brand number', () => {
    expect(readDigitsAsLetters('sl0t777')).toBe('slot777');
    expect(readDigitsAsLetters('g4c0r m4xw1n')).toBe('gacor maxwin');
    expect(readDigitsAsLetters('s1ot', 'l')).toBe('slot');
    expect(readDigitsAsLetters('$lot g@cor')).toBe('slot gacor');
    expect(readDigitsAsLetters('rp 5.000.000 nomor 800/123')).toBe('rp 5.000.000 nomor 800/123');
  });

  it('collapses separators between letters', () => {
    expect(spacedWords('s l o t 7 7 7')).toBe('slot777');
    expect(spacedWords('s.l.o.t')).toBe('slot');
    expect(spacedWords('slot-777 slot_777')).toBe('slot 777 slot 777');
    expect(squeezedWords('ga.cor max_win slot-777')).toBe('gacor maxwin slot777');
    // Two single letters stay apart: "a.n." and "s.d." are ordinary abbreviations.
    expect(spacedWords('a.n. biro')).toBe('a n biro');
  });

  it('names each reading of the text', () => {
    expect(spamViews('sl0t').map((view) => view.name)).toEqual(['teks', 'tanpa pemisah', 'angka dibaca huruf', 'angka dibaca huruf (l)']);
  });
});

describe('scoring stays explainable', () => {
  it('says which rules matched, for how many points, and in which reading', () => {
    const analysis = analyzeSpam({ texts: ['sl0t dana sl0t777'] });
    expect(analysis.reasons).toEqual([
      { id: 'brand', label: expect.any(String), points: 3, view: 'angka dibaca huruf', match: 'slot777' },
      { id: 'slot-jargon', label: expect.any(String), points: 2, view: 'angka dibaca huruf', match: 'slot dana' },
    ]);
    expect(analysis.score).toBe(5);
  });

  it('needs two signals: a brand name alone is one, a brand with its address is two', () => {
    expect(analyzeSpam({ texts: ['sl0t777'] })).toMatchObject({ score: 3, quarantine: false });
    expect(analyzeSpam({ texts: ['sl0t777 https://slot777.xyz'] }).reasons.map((r) => r.id)).toEqual(['brand', 'links', 'gambling-link']);
    expect(looksLikeSpam({ texts: ['sl0t777 https://slot777.xyz'] })).toBe(true);
  });

    it('does not score words that only name the topic', () => {
    expect(analyzeSpam({ texts: ['judi slot togel toto judol'] }).score).toBe(0);
  });

  it('counts a repeated term once and caps links', () => {
    expect(analyzeSpam({ texts: ['gacor gacor gacor gacor'] }).score).toBe(3);
    const links = analyzeSpam({ texts: ['https://a.example.com https://b.example.com https://c.example.com https://d.example.com https://e.example.com'] });
    expect(links.score).toBe(3);
    expect(links.quarantine).toBe(false);
  });

  it('quarantines a filled honeypot whatever the text', () => {
    expect(analyzeSpam({ texts: ['laporan biasa'], honeypot: 'x' })).toMatchObject({ score: 10, quarantine: true });
  });
});

describe('scoring cost', () => {
  it('stays linear on input built to make a pattern backtrack', () => {
    // "a-a-a-…" once took 62 s for 50 KB (every letter a possible domain start).
    for (const text of ['a-'.repeat(25_000), 'a.'.repeat(25_000), 's l '.repeat(12_500), 'ѕ1'.repeat(25_000)]) {
      const started = performance.now();
      analyzeSpam({ texts: [text] });
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });
});
