'use client';

import { useActionState } from 'react';
import { buttonClass, FormMessage } from '@/components/officer/form-kit';
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

export type OutboxTableRow = {
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

/** The list of emails, newest first, with "Kirim ulang" on failed and captured rows. */
export function OutboxTable({ rows, permalink, caption }: { rows: OutboxTableRow[]; permalink: string; caption: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(retryOutboxEmailAction, IDLE, permalink);
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      {rows.length === 0 ? (
        <p className="text-slate-700">Tidak ada email.</p>
      ) : (
        <form action={formAction}>
          <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{caption}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Email
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Penerima
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Tindakan</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-t border-slate-200 align-top">
                    <th scope="row" className="px-3 py-2 font-normal">
                      <a href={`/petugas/admin/outbox/${row.id}`} className="font-semibold break-words text-brand-700 underline underline-offset-2">
                        {row.subject}
                      </a>
                      <span className="mt-0.5 block text-slate-600">
                        #{row.id} · {row.kindLabel} · <time dateTime={row.createdIso}>{row.createdLabel}</time>
                      </span>
                    </th>
                    <td className="px-3 py-2 break-all">
                      {row.toAddress ?? <span className="break-normal text-slate-600 italic">Pelapor (buka email untuk melihat alamatnya)</span>}
                    </td>
                    <td className="px-3 py-2">
                      <StatusBadge status={row.status} />
                      {row.attempts > 0 ? <span className="mt-1 block text-slate-600">{row.attempts}× dicoba</span> : null}
                      {row.lastError ? <span className="mt-1 block font-mono text-xs break-all text-red-800">{row.lastError}</span> : null}
                    </td>
                    <td className="px-3 py-2 text-right">
                      {row.retryable ? (
                        <button type="submit" name="emailId" value={row.id} disabled={pending} className={retryButtonClass}>
                          Kirim ulang<span className="sr-only"> email #{row.id}</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
          <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass.primary}>
            Kirim ulang
            {pending ? <span aria-hidden="true"> …</span> : null}
          </button>
        </>
      ) : null}
    </form>
  );
}
