'use client';

import { useActionState } from 'react';
import { FormMessage, Submit } from '@/components/officer/form-kit';
import type { OutboxStatus } from '@/lib/admin/outbox';
import type { ActionState } from '@/lib/auth/session';
import { IDLE } from '@/lib/forms';
import { retryOutboxEmailAction } from './actions';
import { STATUS_BADGE, STATUS_LABELS } from './labels';

/*
 * The outbox's "Kirim ulang" forms; both post without JavaScript. The list is one form
 * whose buttons each carry their email's id (as on the holidays page), so the result
 * stays on screen when the retried row leaves a filtered list.
 */

export type OutboxListRow = {
  id: number;
  kindLabel: string;
  subject: string;
  /** Null for an email to a reporter: the address shows only on the email's own page. */
  toAddress: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdLabel: string;
  createdIso: string;
  retryable: boolean;
};

export function StatusBadge({ status }: { status: OutboxStatus }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${STATUS_BADGE[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}

const retryButtonClass =
  'inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-white px-3 py-1.5 font-semibold whitespace-nowrap text-brand-800 hover:bg-brand-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-70';

/**
 * The list of emails, newest first, with "Kirim ulang" on failed and captured ones. A
 * list of small cards rather than a table: it reads on a phone without sideways scrolling.
 */
export function OutboxList({ rows, permalink, label }: { rows: OutboxListRow[]; permalink: string; label: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(retryOutboxEmailAction, IDLE, permalink);
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      {rows.length === 0 ? (
        <p className="text-slate-700">Tidak ada email.</p>
      ) : (
        <form action={formAction}>
          <ol aria-label={label} className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
            {rows.map((row) => (
              <li key={row.id} className="gap-4 p-3 sm:flex sm:items-start sm:justify-between">
                <div className="min-w-0 space-y-1">
                  <a href={`/petugas/admin/outbox/${row.id}`} className="font-semibold break-words text-brand-700 underline underline-offset-2">
                    {row.subject}
                  </a>
                  <p className="text-sm text-slate-600">
                    #{row.id} · {row.kindLabel} · <time dateTime={row.createdIso}>{row.createdLabel}</time>
                  </p>
                  <p className="text-sm">
                    <span className="text-slate-600">Kepada: </span>
                    {row.toAddress ? (
                      <span className="break-all">{row.toAddress}</span>
                    ) : (
                      <span className="text-slate-700 italic">pelapor (buka email untuk melihat alamatnya)</span>
                    )}
                  </p>
                  {row.lastError ? (
                    <p className="text-sm">
                      <span className="text-slate-600">Kesalahan terakhir: </span>
                      <span className="font-mono text-xs break-all text-red-800">{row.lastError}</span>
                    </p>
                  ) : null}
                </div>
                <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 sm:mt-0 sm:shrink-0 sm:flex-col sm:items-end">
                  <p className="text-sm">
                    <span className="sr-only">Status: </span>
                    <StatusBadge status={row.status} />
                    {row.attempts > 0 ? <span className="ml-2 text-slate-600">{row.attempts}× dicoba</span> : null}
                  </p>
                  {row.retryable ? (
                    <button type="submit" name="emailId" value={row.id} disabled={pending} className={retryButtonClass}>
                      Kirim ulang<span className="sr-only"> email #{row.id}</span>
                    </button>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </form>
      )}
    </div>
  );
}

/**
 * "Kirim ulang" on one email's page. Always mounted, so its message stays after the
 * retry turns the email pending and the button goes away.
 */
export function RetryEmailForm({ emailId, permalink, retryable }: { emailId: number; permalink: string; retryable: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(retryOutboxEmailAction, IDLE, permalink);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      {retryable ? (
        <>
          <input type="hidden" name="emailId" value={emailId} />
          <Submit label="Kirim ulang" pending={pending} />
        </>
      ) : null}
    </form>
  );
}
