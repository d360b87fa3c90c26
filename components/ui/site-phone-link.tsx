/**
 * Turns an Indonesian phone number as written ("(0380) 827738") into a `tel:` URI
 * in international form ("tel:+62380827738").
 */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return `tel:+${digits}`;
  if (digits.startsWith('62')) return `tel:+${digits}`;
  if (digits.startsWith('0')) return `tel:+62${digits.slice(1)}`;
  return `tel:${digits}`;
}

/** The office phone as a tappable link, or nothing when no number is configured. */
export function SitePhoneLink({ phone, className = '' }: { phone: string; className?: string }) {
  if (!phone.trim()) return null;
  return (
    <a href={telHref(phone)} className={`font-semibold underline underline-offset-2 ${className}`}>
      {phone}
    </a>
  );
}
