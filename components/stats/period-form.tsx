import { MONTH_NAMES, QUARTER_NAMES, type PeriodInput } from '@/lib/stats/period';

/**
 * The period chooser of the statistics pages: a GET form, so it works without JavaScript
 * and every period has its own address (bookmarkable, printable). Errors sit at their field.
 */
export function PeriodForm({
  action,
  values,
  fieldErrors = {},
}: {
  action: string;
  values: PeriodInput;
  fieldErrors?: Partial<Record<keyof PeriodInput, string>>;
}) {
  const kind = values.periode ?? 'bulan';
  const control = 'mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base';
  const error = (name: keyof PeriodInput) =>
    fieldErrors[name] ? (
      <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">
        {fieldErrors[name]}
      </p>
    ) : null;
  const described = (name: keyof PeriodInput) => (fieldErrors[name] ? { 'aria-describedby': `${name}-error`, 'aria-invalid': true } : {});
  return (
    <form method="get" action={action} className="space-y-4 rounded-lg border border-slate-300 bg-white p-4 print:hidden">
      <fieldset>
        <legend className="font-semibold text-slate-900">Periode</legend>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {(
            [
              ['bulan', 'Bulan'],
              ['triwulan', 'Triwulan'],
              ['tahun', 'Tahun'],
              ['rentang', 'Rentang tanggal'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex min-h-10 items-center gap-2">
              <input type="radio" name="periode" value={value} defaultChecked={kind === value} className="h-5 w-5" />
              {label}
            </label>
          ))}
        </div>
        {error('periode')}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="tahun" className="block font-semibold text-slate-900">
            Tahun
          </label>
          <input id="tahun" name="tahun" inputMode="numeric" defaultValue={values.tahun ?? ''} className={control} {...described('tahun')} />
          {error('tahun')}
        </div>
        <div>
          <label htmlFor="bulan" className="block font-semibold text-slate-900">
            Bulan <span className="font-normal text-slate-600">(untuk periode bulan)</span>
          </label>
          <select id="bulan" name="bulan" defaultValue={values.bulan ?? ''} className={control} {...described('bulan')}>
            <option value="">Bulan ini</option>
            {MONTH_NAMES.map((name, i) => (
              <option key={name} value={String(i + 1)}>
                {name}
              </option>
            ))}
          </select>
          {error('bulan')}
        </div>
        <div>
          <label htmlFor="triwulan" className="block font-semibold text-slate-900">
            Triwulan <span className="font-normal text-slate-600">(untuk periode triwulan)</span>
          </label>
          <select id="triwulan" name="triwulan" defaultValue={values.triwulan ?? ''} className={control} {...described('triwulan')}>
            <option value="">Triwulan ini</option>
            {QUARTER_NAMES.map((name, i) => (
              <option key={name} value={String(i + 1)}>
                Triwulan {name}
              </option>
            ))}
          </select>
          {error('triwulan')}
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="dari" className="block font-semibold text-slate-900">
            Dari tanggal <span className="font-normal text-slate-600">(untuk rentang tanggal)</span>
          </label>
          <input id="dari" name="dari" type="date" defaultValue={values.dari ?? ''} className={control} {...described('dari')} />
          {error('dari')}
        </div>
        <div>
          <label htmlFor="sampai" className="block font-semibold text-slate-900">
            Sampai tanggal <span className="font-normal text-slate-600">(untuk rentang tanggal)</span>
          </label>
          <input id="sampai" name="sampai" type="date" defaultValue={values.sampai ?? ''} className={control} {...described('sampai')} />
          {error('sampai')}
        </div>
      </div>
      <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        Tampilkan
      </button>
    </form>
  );
}
