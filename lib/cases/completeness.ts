/**
 * The completeness hint shown before sending: which of the 4W1H elements, the reported
 * person and the evidence are still thin. Thin reports are the seed's main cause of
 * delay (the officer must ask for more), so the hint aims above the hard minimums.
 */

export type CompletenessInput = {
  what: string;
  where: string;
  whenText: string;
  whenDate?: string;
  who: string;
  how: string;
  partyNamed: boolean;
  evidenceCount: number;
};

export type CompletenessItem = { key: string; label: string; ok: boolean; advice: string };

const RECOMMENDED = { what: 80, where: 10, whenText: 6, who: 3, how: 80 };

export function assessCompleteness(input: CompletenessInput): CompletenessItem[] {
  const len = (s: string) => s.trim().length;
  return [
    {
      key: 'what',
      label: 'What — perbuatan',
      ok: len(input.what) >= RECOMMENDED.what,
      advice: 'Uraikan apa yang terjadi, termasuk nilai uang atau barang bila ada.',
    },
    {
      key: 'where',
      label: 'Where — tempat',
      ok: len(input.where) >= RECOMMENDED.where,
      advice: 'Sebutkan kantor, ruangan, atau lokasi yang jelas.',
    },
    {
      key: 'when',
      label: 'When — waktu',
      ok: len(input.whenText) >= RECOMMENDED.whenText || Boolean(input.whenDate),
      advice: 'Tulis tanggal atau perkiraan waktunya.',
    },
    {
      key: 'who',
      label: 'Who — pihak terlibat',
      ok: len(input.who) >= RECOMMENDED.who,
      advice: 'Sebutkan pihak lain yang terlibat atau mengetahui, atau tulis "tidak ada".',
    },
    {
      key: 'how',
      label: 'How — modus',
      ok: len(input.how) >= RECOMMENDED.how,
      advice: 'Jelaskan cara atau modus perbuatan dilakukan.',
    },
    {
      key: 'party',
      label: 'Terlapor',
      ok: input.partyNamed,
      advice: 'Isi nama atau jabatan orang yang dilaporkan.',
    },
    {
      key: 'evidence',
      label: 'Bukti',
      ok: input.evidenceCount > 0,
      advice: 'Lampirkan bukti pendukung (dokumen, foto, rekaman) bila ada.',
    },
  ];
}
