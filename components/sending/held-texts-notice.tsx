// What the owner reads when the platform held texts back in the last 24 hours: how many, why, and
// what to do. Presentational: the numbers come from HeldTextsBanner.
import Link from "next/link";
import type { HeldTexts } from "@/db/queries/held-texts";

const texts = (n: number) => (n === 1 ? "1 text was" : `${n.toLocaleString("en-US")} texts were`);

export function heldTextsSentences(
  held: HeldTexts,
  limits: { autoTextsPerDay: number; manualTextsPerDay: number },
): { key: string; text: string; link?: { href: string; label: string } }[] {
  const sentences = [];
  if (held.daily_cap_reached) {
    sentences.push({
      key: "cap",
      text: `${texts(held.daily_cap_reached)} not sent in the last 24 hours: your organization reached its daily limit (${limits.autoTextsPerDay} automatic and ${limits.manualTextsPerDay} typed texts a day). Call those people instead; the limit frees up as the day rolls on. To raise it, contact support.`,
      link: { href: "/callbacks", label: "Open callbacks" },
    });
  }
  if (held.country_not_enabled) {
    sentences.push({
      key: "country",
      text: `${texts(held.country_not_enabled)} not sent in the last 24 hours: the number is in a country your organization does not text. If you serve callers there, turn the country on.`,
      link: { href: "/settings", label: "Choose countries" },
    });
  }
  return sentences;
}

export function HeldTextsNotice({ held, limits }: { held: HeldTexts; limits: { autoTextsPerDay: number; manualTextsPerDay: number } }) {
  const sentences = heldTextsSentences(held, limits);
  if (!sentences.length) return null;
  return (
    <div role="status" data-testid="held-texts-banner" className="border-b border-amber-200 bg-amber-50 print:hidden">
      <div className="mx-auto max-w-7xl space-y-1 px-4 py-2 text-sm text-amber-900">
        {sentences.map((sentence) => (
          <p key={sentence.key}>
            {sentence.text}{" "}
            {sentence.link ? (
              <Link href={sentence.link.href} className="font-medium underline">
                {sentence.link.label}
              </Link>
            ) : null}
          </p>
        ))}
      </div>
    </div>
  );
}
