import { countSegments, nonGsmCharacters } from "@/lib/messaging/segments";

/** What the text costs: its length against the segment size, the segment count and the encoding. */
export function TemplateCounter({ id, text }: { id: string; text: string }) {
  const count = countSegments(text);
  const limit = count.segments <= 1 ? count.perSegment : count.segments * count.perSegment;
  const unicode = count.encoding === "UCS-2" ? nonGsmCharacters(text) : [];
  return (
    <div id={id} className="text-xs text-slate-600">
      <p>
        <span className="font-medium text-slate-800">
          {count.units} / {limit}
        </span>{" "}
        {count.encoding === "GSM-7" ? "characters" : "UTF-16 units"} ·{" "}
        <span className={count.segments > 2 ? "font-medium text-amber-800" : "font-medium text-slate-800"}>
          {count.segments} {count.segments === 1 ? "segment" : "segments"}
        </span>{" "}
        · {count.encoding === "GSM-7" ? "GSM-7" : "UCS-2 (Unicode)"}
      </p>
      {unicode.length ? (
        <p className="mt-0.5 text-amber-800">
          Sent as Unicode because of: {unicode.slice(0, 6).join(" ")}
          {unicode.length > 6 ? " …" : ""} (a segment then holds {count.segments > 1 ? 67 : 70} instead of {count.segments > 1 ? 153 : 160}).
        </p>
      ) : null}
    </div>
  );
}
