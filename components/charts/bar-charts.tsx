import { scaleBand, scaleLinear, type ScaleLinear } from 'd3-scale';

/**
 * Charts drawn on the server as plain SVG with d3-scale: no chart script reaches the
 * browser, they print, and they scale to a 360 px phone (viewBox, width 100%). Each chart
 * is a picture of numbers that its page also shows in a table, so the SVG carries a title
 * for screen readers and the table is the accessible source.
 */

/** Distinct colours that stay apart in print and for common colour-vision deficiencies. */
export const SERIES_COLOURS = ['#1e40af', '#b45309', '#047857', '#b91c1c', '#6d28d9', '#0e7490', '#a21caf', '#4d7c0f', '#be123c', '#475569', '#92400e', '#0f766e'];

const WIDTH = 640;
const LABEL_WIDTH = 150;
const ROW_HEIGHT = 28;
const numberFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

function niceMax(max: number): number {
  return scaleLinear().domain([0, Math.max(1, max)]).nice().domain()[1];
}

/** Vertical grid lines with their values along the bottom, shared by both charts. */
function TickGrid({ x, height }: { x: ScaleLinear<number, number>; height: number }) {
  return x.ticks(5).map((tick) => (
    <g key={tick}>
      <line x1={x(tick)} x2={x(tick)} y1={0} y2={height - 20} stroke="#cbd5e1" />
      <text x={x(tick)} y={height - 6} fontSize="12" textAnchor="middle" fill="#334155">
        {numberFormat.format(tick)}
      </text>
    </g>
  ));
}

export type StackedRow = { label: string; values: number[] };

/** Horizontal stacked bars: one row per label (e.g. month), one segment per series (category). */
export function StackedBarChart({ title, series, rows }: { title: string; series: string[]; rows: StackedRow[] }) {
  const max = niceMax(Math.max(0, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0))));
  const y = scaleBand<number>().domain(rows.map((_, i) => i)).range([0, rows.length * ROW_HEIGHT]).padding(0.2);
  const x = scaleLinear().domain([0, max]).range([LABEL_WIDTH, WIDTH - 40]);
  const height = rows.length * ROW_HEIGHT + 24;
  const used = series.map((_, s) => rows.some((r) => (r.values[s] ?? 0) > 0));
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={title} className="max-w-full">
        <title>{title}</title>
        <TickGrid x={x} height={height} />
        {rows.map((row, i) => {
          let offset = 0;
          const total = row.values.reduce((a, b) => a + b, 0);
          return (
            <g key={row.label}>
              <text x={LABEL_WIDTH - 8} y={(y(i) ?? 0) + y.bandwidth() / 2 + 4} fontSize="13" textAnchor="end" fill="#0f172a">
                {row.label}
              </text>
              {row.values.map((value, s) => {
                if (value <= 0) return null;
                const x0 = x(offset);
                offset += value;
                return <rect key={s} x={x0} y={y(i)} width={Math.max(1, x(offset) - x0)} height={y.bandwidth()} fill={SERIES_COLOURS[s % SERIES_COLOURS.length]} />;
              })}
              <text x={x(total) + 4} y={(y(i) ?? 0) + y.bandwidth() / 2 + 4} fontSize="12" fill="#0f172a">
                {total > 0 ? numberFormat.format(total) : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
          {series.map((name, s) =>
            used[s] ? (
              <li key={name} className="flex items-center gap-1.5">
                <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: SERIES_COLOURS[s % SERIES_COLOURS.length] }} />
                {name}
              </li>
            ) : null,
          )}
        </ul>
      </figcaption>
    </figure>
  );
}

export type DurationBar = { label: string; median: number | null; p90: number | null; deadline?: string };

/** Median and 90th-percentile durations per milestone, as paired horizontal bars. */
export function DurationChart({ title, bars, unit }: { title: string; bars: DurationBar[]; unit: string }) {
  const max = niceMax(Math.max(0, ...bars.flatMap((b) => [b.median ?? 0, b.p90 ?? 0])));
  const y = scaleBand<number>().domain(bars.map((_, i) => i)).range([0, bars.length * ROW_HEIGHT * 2]).padding(0.25);
  const x = scaleLinear().domain([0, max]).range([LABEL_WIDTH, WIDTH - 60]);
  const height = bars.length * ROW_HEIGHT * 2 + 24;
  const half = y.bandwidth() / 2;
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={title} className="max-w-full">
        <title>{title}</title>
        <TickGrid x={x} height={height} />
        {bars.map((bar, i) => {
          const top = y(i) ?? 0;
          return (
            <g key={bar.label}>
              <text x={LABEL_WIDTH - 8} y={top + half + 4} fontSize="13" textAnchor="end" fill="#0f172a">
                {bar.label}
              </text>
              {[
                { value: bar.median, colour: SERIES_COLOURS[0], dy: 0 },
                { value: bar.p90, colour: SERIES_COLOURS[1], dy: half },
              ].map(({ value, colour, dy }) =>
                value === null ? null : (
                  <g key={dy}>
                    <rect x={x(0)} y={top + dy} width={Math.max(1, x(value) - x(0))} height={half - 2} fill={colour} />
                    <text x={x(value) + 4} y={top + dy + half / 2 + 3} fontSize="11" fill="#0f172a">
                      {numberFormat.format(value)} {unit}
                    </text>
                  </g>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: SERIES_COLOURS[0] }} />
            Median
          </li>
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: SERIES_COLOURS[1] }} />
            Persentil ke-90
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
