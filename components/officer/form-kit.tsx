'use client';

import { useActionState, type ReactNode, type SelectHTMLAttributes } from 'react';
import { FieldFrame, TextAreaField } from '@/components/forms/field';
import { FormMessage } from '@/components/forms/form-message';
import type { ActionState } from '@/lib/auth/session';
import { IDLE } from '@/lib/forms';

/*
 * Shared pieces of the case page's forms. Each form posts without JavaScript: its
 * permalink is the case page plus its own anchor, so React keeps every form's result
 * apart (the postback key is the permalink) and the browser lands back at the form.
 */

export type CaseAction<Data = undefined> = (state: ActionState<Data>, formData: FormData) => Promise<ActionState<Data>>;

/** What every case form gets from the page: the case and the state the page showed. */
export type CaseFormProps = { caseNumber: string; expectedState: string };

export function casePath(caseNumber: string): string {
  return `/petugas/kasus/${caseNumber}`;
}

export function useCaseAction<Data = undefined>(action: CaseAction<Data>, caseNumber: string, anchor: string) {
  return useActionState<ActionState<Data>, FormData>(action, IDLE as ActionState<Data>, `${casePath(caseNumber)}#${anchor}`);
}

export function fieldError(state: ActionState<unknown>, name: string): string | undefined {
  return state.status === 'error' ? state.fieldErrors[name] : undefined;
}

/** The value typed before a refused post, else `fallback`. */
export function typed(state: ActionState<unknown>, name: string, fallback = ''): string {
  return state.status === 'error' ? (state.values[name] ?? fallback) : fallback;
}

/** The officers-only note most case forms take with their decision. */
export function InternalNote({ id, state }: { id: string; state: ActionState<unknown> }) {
  return (
    <TextAreaField
      id={id}
      name="internalNote"
      label="Catatan internal"
      hint="Hanya terlihat oleh petugas."
      rows={2}
      maxLength={4000}
      defaultValue={typed(state, 'internalNote')}
      error={fieldError(state, 'internalNote')}
    />
  );
}

export function CaseHiddenFields({ caseNumber, expectedState }: CaseFormProps) {
  return (
    <>
      <input type="hidden" name="caseNumber" value={caseNumber} />
      <input type="hidden" name="expectedState" value={expectedState} />
    </>
  );
}

// The one FormMessage, re-exported for the officer forms that take their kit from here.
export { FormMessage };

const buttonBase =
  'inline-flex min-h-11 w-full items-center justify-center rounded-lg px-4 py-2.5 text-base font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 disabled:opacity-70 sm:w-auto';

export const buttonClass = {
  primary: `${buttonBase} bg-brand-700 text-white hover:bg-brand-800 focus-visible:outline-brand-600`,
  secondary: `${buttonBase} border-2 border-brand-700 bg-white text-brand-800 hover:bg-brand-50 focus-visible:outline-brand-600`,
  danger: `${buttonBase} border-2 border-red-700 bg-white text-red-800 hover:bg-red-50 focus-visible:outline-red-700`,
};

export function Submit({ label, pending, variant = 'primary' }: { label: string; pending: boolean; variant?: keyof typeof buttonClass }) {
  // The name stays the same while posting, so a test or screen reader finds the same button.
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass[variant]}>
      {label}
      {pending ? <span aria-hidden="true"> …</span> : null}
    </button>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
};

export function SelectField({ id, label, hint, error, required, options, placeholder, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      {(describedBy) => (
        <select
          // Remounted when the value to show changes: a form reset after a refused post
          // goes back to the options selected at mount, so those must be the typed ones.
          key={String(select.defaultValue ?? '')}
          id={id}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 focus:outline-none focus:ring-2 focus:ring-brand-600 ${error ? 'border-red-600' : 'border-slate-400'}`}
          {...select}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/**
 * One action's card. Always rendered, so its result stays on screen (and, without
 * JavaScript, is matched back to it) after the move that makes the form disappear.
 * Collapsed behind its title (`<details>`, no JavaScript needed) so a case page lists what
 * can be done in a few lines; it opens by itself to show a result or a refused post.
 */
export function ActionCard({
  anchor,
  title,
  description,
  state,
  available,
  collapsible = true,
  children,
}: {
  anchor: string;
  title: string;
  description?: ReactNode;
  state: ActionState<unknown>;
  available: boolean;
  /** False for a form that stays open (the message to the reporter, under the thread). */
  collapsible?: boolean;
  children: ReactNode;
}) {
  if (!available) {
    return (
      <div id={anchor} className={state.status === 'idle' ? 'contents' : 'scroll-mt-4'}>
        <FormMessage state={state} />
      </div>
    );
  }
  const body = (
    <>
      {description ? <div className="text-sm text-slate-700">{description}</div> : null}
      <FormMessage state={state} />
      {children}
    </>
  );
  if (!collapsible) {
    return (
      <div id={anchor} className="scroll-mt-4 space-y-3 rounded-lg border border-slate-300 bg-white p-4">
        <h3 id={`${anchor}-judul`} className="text-lg font-semibold text-slate-900">
          {title}
        </h3>
        {body}
      </div>
    );
  }
  return (
    <details id={anchor} open={state.status !== 'idle'} className="group scroll-mt-4 rounded-lg border border-slate-300 bg-white">
      <summary className="flex min-h-11 cursor-pointer items-center gap-2 px-4 py-2 text-lg font-semibold text-brand-800 hover:bg-brand-50">
        <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
          ›
        </span>
        <span id={`${anchor}-judul`}>{title}</span>
      </summary>
      <div className="space-y-3 border-t border-slate-200 p-4">{body}</div>
    </details>
  );
}
