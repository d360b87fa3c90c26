import type { ReactNode } from 'react';

/** What a form message needs from any form state (FormState, ActionState, a notice). */
export type MessageState = { status: 'idle' } | { status: 'error' | 'success'; message: string };

const TONE = {
  error: 'rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900',
  success: 'rounded-md border border-green-700 bg-green-50 px-3 py-2 text-green-900',
};

/**
 * The result of the last post, for every form. The live region is always in the page
 * (empty while idle), so a screen reader announces a message when it appears after a
 * post with JavaScript; without JavaScript it is simply part of the new page. Field
 * messages sit at the fields; `children` adds detail under an error or success
 * (a list of links to the fields, a reminder to choose the files again).
 */
export function FormMessage({ state, id, children }: { state: MessageState; id?: string; children?: ReactNode }) {
  return (
    <div id={id} role="status" aria-live="polite">
      {state.status === 'idle' ? null : (
        <div className={TONE[state.status]}>
          <p className="font-medium">{state.message}</p>
          {children}
        </div>
      )}
    </div>
  );
}
