// The numbers an owner reads first, each a link to the list of calls or bookings behind it.
import type { Actuals } from "@/lib/roi/actuals";
import { definition, term } from "@/lib/roi/glossary";
import type { RoiRange } from "@/lib/roi/range";
import { formatResponseBound } from "@/lib/roi/response-buckets";
import { count, counted, dollars, percent } from "./format";
import type { ListMetric } from "@/lib/roi/metrics";
import { listHref } from "./links";

function Stat({ label, value, detail, href, testId }: { label: string; value: string; detail?: React.ReactNode; href?: string; testId: string }) {
  const number = (
    <span className="text-2xl font-semibold text-slate-900" data-testid={testId}>
      {value}
    </span>
  );
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 break-inside-avoid">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1">
        {href ? (
          <a href={href} className="hover:underline" title={`See the list behind “${label}”`}>
            {number}
          </a>
        ) : (
          number
        )}
        {detail ? <p className="mt-1 text-xs text-slate-600">{detail}</p> : null}
      </dd>
    </div>
  );
}

export function HeadlineNumbers({ totals, range }: { totals: Actuals; range: RoiRange }) {
  const link = (metric: ListMetric) => listHref(metric, range);
  return (
    <section aria-labelledby="headline-heading">
      <h2 id="headline-heading" className="sr-only">
        Headline numbers
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-4">
        <div className="rounded-xl border border-brand-100 bg-brand-50 p-4 sm:col-span-2 lg:row-span-2 print:col-span-2">
          <dt className="text-sm font-semibold text-brand-700" title={definition("recoveredRevenue")}>
            {term("recoveredRevenue")}
          </dt>
          <dd className="mt-1">
            <a href={link("recovered")} className="hover:underline" title="See the recovered calls">
              <span className="text-5xl font-semibold tracking-tight text-slate-900" data-testid="roi-recovered-revenue">
                {dollars(totals.recoveredCents)}
              </span>
            </a>
            <p className="mt-2 text-sm text-slate-700">
              from{" "}
              <a href={link("recovered")} className="font-semibold text-slate-900 hover:underline" data-testid="roi-recovered-clients">
                {count(totals.recovered)} recovered {totals.recovered === 1 ? "call" : "calls"}
              </a>
              : missed calls that became a kept booking after our text-back, a reply or a tap on the link. A recovered rate of{" "}
              <span className="font-semibold text-slate-900" data-term="recoveredRate">
                {percent(totals.recoveredRate)}
              </span>{" "}
              of missed calls.
            </p>
          </dd>
        </div>
        <Stat
          label={term("inbound")}
          value={count(totals.inboundCalls)}
          href={link("inbound")}
          testId="roi-inbound"
          detail="Every call to the spa's numbers (test events never count)"
        />
        <Stat
          label={term("missed")}
          value={count(totals.missedCalls)}
          href={link("missed")}
          testId="roi-missed"
          detail={
            <>
              {percent(totals.missedRate)} of real calls; plus{" "}
              <a href={link("spam")} className="underline hover:text-slate-900" data-testid="roi-spam">
                {count(totals.spamCalls)} spam
              </a>
              , not counted
            </>
          }
        />
        <Stat
          label={`${term("answeredLive")} (open hours)`}
          value={percent(totals.answeredLiveRate)}
          href={link("answered")}
          testId="roi-answered-rate"
          detail={`${counted(totals.answeredCalls, "call")} answered by the desk`}
        />
        <Stat
          label={term("textedWithin60s")}
          value={percent(totals.textedWithin60sRate)}
          href={link("texted_60s")}
          testId="roi-texted-60s"
          detail={
            <>
              of{" "}
              <a href={link("texted")} className="underline hover:text-slate-900">
                {counted(totals.textedCalls, "missed call")} texted back
              </a>
            </>
          }
        />
        <Stat
          label={`${term("timeToText")} (median)`}
          value={formatResponseBound(totals.medianSecondsToText)}
          testId="roi-median-text"
          detail={`9 in 10 texted ${formatResponseBound(totals.p90SecondsToText)}`}
        />
        <Stat
          label={term("reEngaged")}
          value={count(totals.reEngaged)}
          href={link("re_engaged")}
          testId="roi-re-engaged"
          detail={
            <>
              a re-engaged rate of <span data-term="reEngagedRate">{percent(totals.reEngagedRate)}</span> of missed calls: the caller replied or tapped the link
            </>
          }
        />
        <Stat
          label={term("bookings")}
          value={count(totals.bookings)}
          href={link("bookings")}
          testId="roi-bookings"
          detail="Kept bookings from any source; no-shows and cancellations never count"
        />
        <Stat label={term("bookedValue")} value={dollars(totals.bookedValueCents)} href={link("bookings")} testId="roi-booked-value" detail="The value of those bookings" />
      </dl>
    </section>
  );
}
