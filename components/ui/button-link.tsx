import type { ReactNode } from 'react';

type Variant = 'primary' | 'secondary';

const base =
  'inline-flex min-h-12 items-center justify-center gap-2 rounded-lg px-5 py-3 text-center text-base font-semibold ' +
  'no-underline transition-colors focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600';

const variants: Record<Variant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800',
  secondary: 'border-2 border-brand-700 bg-white text-brand-800 hover:bg-brand-50',
};

/**
 * A link styled as a button. A plain `<a>` on purpose: public pages ship no router
 * prefetching, and the link works the same with JavaScript off.
 */
export function ButtonLink({
  href,
  variant = 'primary',
  className = '',
  children,
}: {
  href: string;
  variant?: Variant;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a href={href} className={`${base} ${variants[variant]} ${className}`}>
      {children}
    </a>
  );
}
