'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/officer/form-kit';
import type { ActionState } from '@/lib/auth/session';
import { IDLE } from '@/lib/forms';
import { decideIdentityRequestAction } from './actions';
import { DataTable } from '@/components/ui/data-table';

/*
 * Pending identity requests with "Setujui" / "Tolak". Every row's form shares one
 * result region above the table, so the result stays after the decided row leaves the
 * list; with JavaScript off the page comes back to the same place (permalink).
 */

export type PendingRequestRow = {
  id: number;
  caseNumber: string;
  officerName: string;
  reason: string;
  createdLabel: string;
  createdIso: string;
  ownRequest: boolean;
};

export type PendingRequestsOptions = {
  /** The signed-in admin is the only active one: their own requests may be approved with a TOTP code. */
  soleAdmin: boolean;
};

const button =
  'inline-flex min-h-11 items-center justify-center rounded-md border-2 px-3 py-1.5 text-sm font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 disabled:opacity-70';

export function PendingRequestsTable({ rows, soleAdmin }: { rows: PendingRequestRow[] } & PendingRequestsOptions) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(
    decideIdentityRequestAction,
    IDLE,
    '/petugas/admin/identitas#menunggu',
  );
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      {rows.length === 0 ? (
        <p className="text-slate-700">Tidak ada permintaan yang menunggu keputusan.</p>
      ) : (
        <DataTable caption="Permintaan akses identitas pelapor yang menunggu keputusan, yang terlama lebih dahulu" columns={['Kasus', 'Petugas', 'Alasan', 'Diajukan (WITA)', 'Keputusan']}>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">
                    <a href={`/petugas/kasus/${row.caseNumber}`} className="text-brand-700 underline underline-offset-2">
                      {row.caseNumber}
                    </a>
                  </th>
                  <td className="px-3 py-2">{row.officerName}</td>
                  <td className="max-w-md px-3 py-2 break-words whitespace-pre-line">{row.reason}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <time dateTime={row.createdIso}>{row.createdLabel}</time>
                  </td>
                  <td className="px-3 py-2">
                    <form action={formAction} className="flex flex-wrap gap-2">
                      <input type="hidden" name="requestId" value={row.id} />
                      {row.ownRequest && soleAdmin ? (
                        <>
                          <label htmlFor={`totp-${row.id}`} className="block w-full text-sm text-slate-800">
                            Permintaan Anda sendiri. Anda satu-satunya administrator aktif: masukkan kode verifikasi dua langkah
                            untuk menyetujuinya (ditandai dalam log audit).
                          </label>
                          <input
                            id={`totp-${row.id}`}
                            name="totpCode"
                            inputMode="numeric"
                            autoComplete="one-time-code"
                            pattern="[0-9 ]{6,7}"
                            maxLength={7}
                            className="w-28 rounded-md border border-slate-400 px-2 py-1.5"
                          />
                          <button
                            type="submit"
                            name="decision"
                            value="approve"
                            disabled={pending}
                            className={`${button} border-brand-700 bg-brand-700 text-white hover:bg-brand-800 focus-visible:outline-brand-600`}
                          >
                            Setujui dengan kode<span className="sr-only"> permintaan Anda untuk kasus {row.caseNumber}</span>
                          </button>
                        </>
                      ) : row.ownRequest ? (
                        <p className="text-slate-700">Permintaan Anda sendiri; administrator lain yang memutuskan.</p>
                      ) : (
                        <button
                          type="submit"
                          name="decision"
                          value="approve"
                          disabled={pending}
                          className={`${button} border-brand-700 bg-brand-700 text-white hover:bg-brand-800 focus-visible:outline-brand-600`}
                        >
                          Setujui<span className="sr-only"> permintaan {row.officerName} untuk kasus {row.caseNumber}</span>
                        </button>
                      )}
                      <button
                        type="submit"
                        name="decision"
                        value="deny"
                        disabled={pending}
                        className={`${button} border-red-700 bg-white text-red-800 hover:bg-red-50 focus-visible:outline-red-700`}
                      >
                        Tolak
                        <span className="sr-only">
                          {' '}
                          permintaan {row.officerName} untuk kasus {row.caseNumber}
                        </span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
    </div>
  );
}
