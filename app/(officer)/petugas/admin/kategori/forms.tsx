'use client';

import { useActionState } from 'react';
import { TextField } from '@/components/forms/field';
import { buttonClass, fieldError, FormMessage, Submit, typed } from '@/components/officer/form-kit';
import type { ActionState } from '@/lib/auth/session';
import { IDLE } from '@/lib/forms';
import { addCategoryAction, moveCategoryAction, renameCategoryAction, setCategoryActiveAction } from './actions';

/*
 * Category forms; each posts without JavaScript, its permalink bringing the browser back
 * to its own card, so a result or refusal shows where it was asked for.
 */

const PAGE = '/petugas/admin/kategori';

export function AddCategoryForm() {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(addCategoryAction, IDLE, `${PAGE}#tambah`);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-labelledby="tambah-heading">
      <FormMessage state={state} />
      <TextField
        id="kategori-baru"
        name="label"
        label="Nama kategori"
        hint='Misalnya "Pelanggaran netralitas ASN". Ditampilkan kepada pelapor pada formulir laporan.'
        required
        maxLength={80}
        defaultValue={typed(state, 'label')}
        error={fieldError(state, 'label')}
      />
      <Submit label="Tambah kategori" pending={pending} />
    </form>
  );
}

export type CategoryCardProps = { id: number; label: string; active: boolean; cases: number; first: boolean; last: boolean };

const smallButton =
  'inline-flex min-h-11 items-center rounded-md border-2 px-3 py-1.5 font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 disabled:opacity-70';

/** One category: rename, move up or down, deactivate or reactivate. */
export function CategoryCard({ id, label, active, cases, first, last }: CategoryCardProps) {
  const anchor = `kategori-${id}`;
  const [renamed, renameAction, renaming] = useActionState<ActionState, FormData>(renameCategoryAction, IDLE, `${PAGE}#${anchor}`);
  const [moved, moveAction, moving] = useActionState<ActionState, FormData>(moveCategoryAction, IDLE, `${PAGE}#${anchor}`);
  const [toggled, toggleAction, toggling] = useActionState<ActionState, FormData>(setCategoryActiveAction, IDLE, `${PAGE}#${anchor}`);
  return (
    <li id={anchor} aria-label={label} className="scroll-mt-4 space-y-3 rounded-lg border border-slate-300 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold break-words text-slate-900">{label}</span>
        <span
          className={`rounded-full border px-2 py-0.5 text-sm font-semibold ${active ? 'border-green-700 text-green-800' : 'border-slate-500 text-slate-700'}`}
        >
          {active ? 'Aktif' : 'Nonaktif'}
        </span>
        <span className="text-sm text-slate-700">{cases === 0 ? 'Belum dipakai laporan' : `Dipakai ${cases} laporan`}</span>
      </div>
      <FormMessage state={renamed} />
      <FormMessage state={moved} />
      <FormMessage state={toggled} />
      <form key={label} action={renameAction} className="space-y-2" noValidate aria-label={`Ubah nama ${label}`}>
        <input type="hidden" name="id" value={id} />
        <TextField
          id={`${anchor}-nama`}
          name="label"
          label="Nama"
          required
          maxLength={80}
          defaultValue={typed(renamed, 'label', label)}
          error={fieldError(renamed, 'label')}
        />
        <button type="submit" disabled={renaming} className={buttonClass.secondary}>
          Simpan nama
        </button>
      </form>
      <div className="flex flex-wrap gap-2">
        <form action={moveAction}>
          <input type="hidden" name="id" value={id} />
          {!first ? (
            <button type="submit" name="direction" value="up" disabled={moving} className={`${smallButton} mr-2 border-brand-700 text-brand-800`}>
              Naikkan<span className="sr-only"> {label}</span>
            </button>
          ) : null}
          {!last ? (
            <button type="submit" name="direction" value="down" disabled={moving} className={`${smallButton} border-brand-700 text-brand-800`}>
              Turunkan<span className="sr-only"> {label}</span>
            </button>
          ) : null}
        </form>
        <form action={toggleAction}>
          <input type="hidden" name="id" value={id} />
          <button
            type="submit"
            name="active"
            value={active ? 'no' : 'yes'}
            disabled={toggling}
            className={`${smallButton} ${active ? 'border-red-700 text-red-800' : 'border-green-700 text-green-800'}`}
          >
            {active ? 'Nonaktifkan' : 'Aktifkan kembali'}
            <span className="sr-only"> {label}</span>
          </button>
        </form>
      </div>
    </li>
  );
}
