import Link from "next/link";

/** Previous / next links for an offset-paginated list whose page lives in the URL (?<param>=N). */
export function TeamPager({
  param,
  page,
  pageSize,
  total,
  params,
  label,
}: {
  param: string;
  page: number;
  pageSize: number;
  total: number;
  params: Record<string, string | undefined>;
  label: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (target: number) => {
    const query = new URLSearchParams(Object.entries({ ...params, [param]: String(target) }).filter((e): e is [string, string] => Boolean(e[1])));
    return `?${query.toString()}`;
  };
  const link = "rounded-md px-2.5 py-1 font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600";
  return (
    <nav aria-label={label} className="flex items-center justify-between border-t border-slate-100 px-4 py-2 text-sm text-slate-600">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link}>
          Previous
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {Math.min(page, pages)} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className={link}>
          Next
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** "3" → 3; anything else (missing, 0, "abc", huge) → 1. */
export function pageParam(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
