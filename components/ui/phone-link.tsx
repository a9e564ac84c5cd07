import { formatPhone } from "@/lib/phone";

/** A caller's number as a tap-to-call link: on a phone one tap dials it. Hidden or odd caller IDs stay plain text. */
export function PhoneLink({ phone, className = "" }: { phone: string; className?: string }) {
  const shown = formatPhone(phone);
  if (!/^\+\d{6,15}$/.test(phone)) return <span className={className}>{shown}</span>;
  return (
    <a href={`tel:${phone}`} className={`text-brand-700 underline decoration-brand-300 underline-offset-2 hover:decoration-brand-700 ${className}`}>
      {shown}
    </a>
  );
}
