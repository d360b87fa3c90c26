'use client';

import { useActionState } from 'react';
import { IDLE, type FormState } from '@/lib/forms';

/**
 * The ticket lookup. The permalink ('/status') makes React render a real
 * `action="/status"`, so the form posts and the server answers with the page even
 * before (or without) JavaScript. The input is uncontrolled and has no default value:
 * after a refusal it comes back empty, so a code is never written back into the page.
 */
export function StatusLookupForm({ action }: { action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE, '/status');
  const error = state.status === 'error' ? (state.fieldErrors.ticket ?? state.message) : null;

  return (
    <form action={formAction} className="space-y-4">
      <div className="space-y-1.5">
        <label htmlFor="ticket" className="block text-base font-semibold">
          Kode tiket
        </label>
        <p id="ticket-hint" className="text-sm text-slate-600">
          Kode tercantum pada halaman bukti pengiriman laporan. Huruf besar atau kecil, spasi dan
          tanda hubung tidak berpengaruh.
        </p>
        <input
          id="ticket"
          name="ticket"
          type="text"
          required
          maxLength={64}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="WBS-XXXX-XXXX-XXXX-XXXX"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'ticket-hint ticket-error' : 'ticket-hint'}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-3 font-mono text-base tracking-wide uppercase placeholder:normal-case placeholder:text-slate-500 focus:border-brand-700 focus:outline-2 focus:outline-offset-2 focus:outline-brand-700 aria-invalid:border-red-700"
        />
        {/* Always in the page so screen readers announce a message when it appears. */}
        <p id="ticket-error" role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-700 px-5 py-3 text-base font-semibold text-white hover:bg-brand-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-75 sm:w-auto"
      >
        {pending ? 'Memeriksa…' : 'Cek Status'}
      </button>
    </form>
  );
}
