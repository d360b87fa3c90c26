'use client';

import { useEffect, useState, type ChangeEvent } from 'react';
import { formatBytes } from '@/lib/format';
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_TEXT, METADATA_CLEANED_TEXT, METADATA_NOT_CLEANED_TEXT } from '@/lib/storage/evidence-types';

export type EvidenceLimitsView = { maxFiles: number; maxFileBytes: number; maxSubmissionBytes: number };

type Uploader = typeof import('./evidence-uploader');

/** What the report must wait for before it is sent: files on their way, or failed ones. */
export type UploadWait = { uploading: number; failed: number };

/**
 * The evidence picker. Without JavaScript the files post with the form. With it, the
 * first chosen file loads the uploader (evidence-uploader.tsx), which sends each file
 * ahead with its progress and takes it out of the input, so the form then carries only
 * the uploads' ids; if the uploader cannot load, the files stay in the input and post
 * with the form as without JavaScript, with the limits checked here before sending.
 */
export function EvidenceInput({
  limits,
  error,
  onCountChange,
  onWaitChange,
}: {
  limits: EvidenceLimitsView;
  error?: string;
  onCountChange: (count: number) => void;
  onWaitChange?: (wait: UploadWait) => void;
}) {
  const [chosen, setChosen] = useState<{ name: string; size: number }[]>([]);
  const [uploader, setUploader] = useState<{ queue: InstanceType<Uploader['UploadQueue']>; List: Uploader['UploadList'] } | null>(null);

  useEffect(() => {
    if (!uploader) return;
    const { queue } = uploader;
    let busy = false;
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => event.preventDefault();
    const report = () => {
      const wait = queue.unfinished;
      onCountChange(queue.kept);
      onWaitChange?.(wait);
      // Leaving the page would stop the uploads: the browser asks first.
      if (wait.uploading > 0 !== busy) {
        busy = wait.uploading > 0;
        if (busy) window.addEventListener('beforeunload', warnBeforeLeaving);
        else window.removeEventListener('beforeunload', warnBeforeLeaving);
      }
    };
    const unsubscribe = queue.subscribe(report);
    report();
    return () => {
      unsubscribe();
      window.removeEventListener('beforeunload', warnBeforeLeaving);
    };
  }, [uploader, onCountChange, onWaitChange]);

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const picked = Array.from(input.files ?? []);
    if (picked.length === 0) return;
    let loaded = uploader;
    if (!loaded) {
      const code = await import('./evidence-uploader').catch(() => null);
      if (code) {
        loaded = { queue: new code.UploadQueue(limits), List: code.UploadList };
        setUploader(loaded);
      }
    }
    if (loaded) {
      // The files travel ahead; the form must not post them a second time.
      input.value = '';
      setChosen([]);
      loaded.queue.add(picked);
      return;
    }
    const files = picked.map((f) => ({ name: f.name, size: f.size }));
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
      {uploader ? <uploader.List queue={uploader.queue} /> : null}
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
