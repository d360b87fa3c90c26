'use client';

import { useFormStatus } from 'react-dom';

/**
 * A submit button that says it is working while the form posts (with JavaScript), and
 * what it waits for when `waitingLabel` is given (e.g. files still uploading).
 */
export function SubmitButton({ label, pendingLabel, waitingLabel }: { label: string; pendingLabel: string; waitingLabel?: string }) {
  const { pending } = useFormStatus();
  const disabled = pending || Boolean(waitingLabel);
  return (
    <button
      type="submit"
      disabled={disabled}
      aria-disabled={disabled}
      className="w-full rounded-md bg-brand-700 px-5 py-3 text-base font-semibold text-white hover:bg-brand-800 focus:outline-none focus:ring-4 focus:ring-brand-100 disabled:opacity-70 sm:w-auto"
    >
      {pending ? pendingLabel : (waitingLabel ?? label)}
    </button>
  );
}
