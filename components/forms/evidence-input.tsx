'use client';

import { useState, type ChangeEvent } from 'react';
import { formatBytes } from '@/lib/format';
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_TEXT, METADATA_CLEANED_TEXT, METADATA_NOT_CLEANED_TEXT } from '@/lib/storage/evidence-types';

export type EvidenceLimitsView = { maxFiles: number; maxFileBytes: number; maxSubmissionBytes: number };

/**
 * The evidence picker. With JavaScript it lists the chosen files and warns about the
 * limits before anything is sent; the server checks the same limits and the content.
 */
export function EvidenceInput({
  limits,
  error,
  onCountChange,
}: {
  limits: EvidenceLimitsView;
  error?: string;
  onCountChange: (count: number) => void;
}) {
  const [chosen, setChosen] = useState<{ name: string; size: number }[]>([]);

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.currentTarget.files ?? []).map((f) => ({ name: f.name, size: f.size }));
    setChosen(files);
    onCountChange(files.length);
  }

  const total = chosen.reduce((sum, f) => sum + f.size, 0);
  const warning =
    chosen.length > limits.maxFiles
      ? `Terlalu banyak berkas: maksimal ${limits.maxFiles}.`
      : chosen.find((f) => f.size > limits.maxFileBytes)
        ? `Ada berkas yang lebih besar dari ${formatBytes(limits.maxFileBytes)}.`
        : total > limits.maxSubmissionBytes
          ? `Total ukuran melebihi ${formatBytes(limits.maxSubmissionBytes)}.`
          : null;

  const describedBy = ['evidence-hint', 'evidence-metadata', error ? 'evidence-error' : null, warning ? 'evidence-warning' : null]
    .filter(Boolean)
    .join(' ');

  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
      <legend className="px-1 text-lg font-bold">4. Bukti Pendukung</legend>
      <label htmlFor="evidence" className="block font-semibold">
        Berkas bukti <span className="font-normal text-slate-600">(opsional, sangat dianjurkan)</span>
      </label>
      <p id="evidence-hint" className="text-sm text-slate-700">
        {ALLOWED_TYPES_TEXT}. Maksimal {limits.maxFiles} berkas, {formatBytes(limits.maxFileBytes)} per berkas,{' '}
        {formatBytes(limits.maxSubmissionBytes)} seluruhnya.
      </p>
      <p id="evidence-metadata" className="text-sm text-slate-700">
        {METADATA_CLEANED_TEXT} {METADATA_NOT_CLEANED_TEXT}
      </p>
      {error ? (
        <p id="evidence-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <input
        id="evidence"
        name="evidence"
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        onChange={onChange}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="block w-full text-base file:mr-3 file:rounded-md file:border-0 file:bg-brand-100 file:px-4 file:py-2 file:font-semibold file:text-brand-800"
      />
      {warning ? (
        <p id="evidence-warning" role="alert" className="text-sm font-medium text-red-700">
          {warning}
        </p>
      ) : null}
      {chosen.length > 0 ? (
        <ul className="space-y-1 text-sm text-slate-800">
          {chosen.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              {f.name} — {formatBytes(f.size)}
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
