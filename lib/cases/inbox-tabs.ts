import type { InboxView } from './inbox';

/**
 * The inbox's personal tabs and their addresses: "Kasus saya" (?tab=saya) and
 * "Balasan baru" (?tab=balasan-baru); the other views keep their own name as address.
 */

const PERSONAL_PARAMS = { mine: 'saya', unread: 'balasan-baru' } as const;

export const PERSONAL_TAB_LABELS = { mine: 'Kasus saya', unread: 'Balasan baru' } as const;

/** The `tab` query value of a view (undefined for the default view). */
export function tabParam(view: InboxView): string | undefined {
  if (view === 'open') return undefined;
  if (view === 'mine' || view === 'unread') return PERSONAL_PARAMS[view];
  return view;
}

export function personalViewFromParam(value: string | undefined): 'mine' | 'unread' | null {
  if (value === PERSONAL_PARAMS.mine) return 'mine';
  if (value === PERSONAL_PARAMS.unread) return 'unread';
  return null;
}

export function personalTabs(counts: { mine: number; unread: number }): { view: InboxView; label: string; count: number }[] {
  return [
    { view: 'mine', label: PERSONAL_TAB_LABELS.mine, count: counts.mine },
    { view: 'unread', label: PERSONAL_TAB_LABELS.unread, count: counts.unread },
  ];
}
