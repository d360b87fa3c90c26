import type { ReactNode } from 'react';

/**
 * The officer pages' table, with a caption for screen readers and column headers scoped
 * to their columns. With `stackOnPhone` each row becomes a card below 640 px (cells name
 * their column with `data-label`; see globals.css); otherwise it scrolls sideways
 * inside its own box, never the page.
 */
export function DataTable({
  caption,
  columns,
  children,
  className = '',
  captionVisible = false,
  stackOnPhone = false,
}: {
  /** Rows as cards on a phone; give each cell `data-label` with its column's name. */
  stackOnPhone?: boolean;
  caption: ReactNode;
  /** Shown as the table's heading instead of only to screen readers. */
  captionVisible?: boolean;
  columns: ReactNode[];
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`relative overflow-x-auto rounded-lg border border-slate-300 bg-white ${className}`.trim()}>
      <table className={`w-full text-left text-sm ${stackOnPhone ? 'stack-table' : ''}`.trim()}>
        <caption className={captionVisible ? 'bg-slate-50 px-3 py-2 text-left font-semibold text-slate-900' : 'sr-only'}>{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className="px-3 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
