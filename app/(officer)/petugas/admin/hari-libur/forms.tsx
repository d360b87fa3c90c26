'use client';

import { useActionState } from 'react';
import { TextField } from '@/components/forms/field';
import { fieldError, FormMessage, Submit, typed } from '@/components/officer/form-kit';
import type { ActionState } from '@/lib/auth/session';
import { IDLE } from '@/lib/forms';
import { addHolidayAction, removeHolidayAction } from './actions';
import { DataTable } from '@/components/ui/data-table';

/*
 * Office holiday forms; both post without JavaScript. The list is one form whose
 * "Hapus" buttons each carry their date, so its result stays on screen after the row
 * it removed is gone.
 */

const PAGE = '/petugas/admin/hari-libur';

export function AddHolidayForm() {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(addHolidayAction, IDLE, `${PAGE}#tambah`);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-labelledby="tambah-heading">
      <FormMessage state={state} />
      <TextField
        id="libur-tanggal"
        name="date"
        type="date"
        label="Tanggal"
        hint="Format TTTT-BB-HH bila peramban Anda tidak menampilkan kalender, misalnya 2026-12-24."
        required
        min="2000-01-01"
        max="2100-12-31"
        defaultValue={typed(state, 'date')}
        error={fieldError(state, 'date')}
        className="sm:max-w-56"
      />
      <TextField
        id="libur-nama"
        name="name"
        label="Keterangan"
        hint='Misalnya "Cuti bersama Hari Raya Natal" atau "Hari jadi Provinsi NTT".'
        required
        maxLength={120}
        defaultValue={typed(state, 'name')}
        error={fieldError(state, 'name')}
      />
      <Submit label="Tambah hari libur" pending={pending} />
    </form>
  );
}

export type AddedHolidayRow = { date: string; label: string; name: string };

export function AddedHolidaysTable({ rows }: { rows: AddedHolidayRow[] }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(removeHolidayAction, IDLE, `${PAGE}#daftar-kantor`);
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      {rows.length === 0 ? (
        <p className="text-slate-700">Belum ada hari libur kantor yang ditambahkan.</p>
      ) : (
        <form action={formAction}>
          <DataTable caption="Hari libur yang ditambahkan kantor" columns={['Tanggal', 'Keterangan', <span key="t" className="sr-only">Tindakan</span>]}>
                {rows.map((row) => (
                  <tr key={row.date} className="border-t border-slate-200">
                    <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">
                      <time dateTime={row.date}>{row.label}</time>
                    </th>
                    <td className="px-3 py-2">{row.name}</td>
                    <td className="px-3 py-2 text-right">
                      <button
                        type="submit"
                        name="date"
                        value={row.date}
                        disabled={pending}
                        className="inline-flex min-h-11 items-center rounded-md border-2 border-red-700 bg-white px-3 py-1.5 font-semibold text-red-800 hover:bg-red-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:opacity-70"
                      >
                        Hapus<span className="sr-only"> {row.label}</span>
                      </button>
                    </td>
                  </tr>
                ))}
          </DataTable>
        </form>
      )}
    </div>
  );
}
