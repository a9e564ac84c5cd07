// One meaning per ROI word: the page's glossary and docs/roi.md say the same, no two words share a
// label, and the words that used to mean two things stay out of every label and definition.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchmarkRows } from "./benchmarks";
import { emptyCounts, withRates } from "./actuals";
import { glossaryMarkdownRows, RETIRED_WORDS, ROI_TERMS } from "./glossary";
import { LIST_METRICS, METRIC_LABELS } from "./metrics";

const docs = readFileSync(path.join(process.cwd(), "docs/roi.md"), "utf8");

describe("the ROI glossary", () => {
  it("docs/roi.md holds exactly the glossary's words and definitions, in order", () => {
    const start = docs.indexOf("| word | meaning |");
    expect(start).toBeGreaterThan(-1);
    const table = docs
      .slice(start)
      .split("\n")
      .slice(2)
      .filter((_, i, lines) => lines.slice(0, i + 1).every((l) => l.startsWith("|")));
    expect(table).toEqual(glossaryMarkdownRows());
  });

  it("gives each word one definition and no two words the same label", () => {
    const words = Object.values(ROI_TERMS).map((t) => t.term.toLowerCase());
    expect(new Set(words).size).toBe(words.length);
  });

  it("keeps the words that meant two things out of every label and definition", () => {
    const texts = [
      ...Object.values(ROI_TERMS).flatMap((t) => [t.term, t.definition]),
      ...LIST_METRICS.flatMap((m) => [METRIC_LABELS[m].title, METRIC_LABELS[m].rule]),
      ...benchmarkRows(withRates(emptyCounts())).map((b) => b.metric),
    ].map((t) => t.toLowerCase());
    for (const word of RETIRED_WORDS)
      expect(
        texts.filter((t) => t.includes(word)),
        word,
      ).toEqual([]);
  });

  it("the lists behind the numbers and the benchmarks use the glossary's words", () => {
    expect(METRIC_LABELS.recovered).toMatchObject({ title: ROI_TERMS.recovered.term, rule: ROI_TERMS.recovered.definition });
    expect(METRIC_LABELS.re_engaged.title).toBe(ROI_TERMS.reEngaged.term);
    expect(benchmarkRows(withRates(emptyCounts())).map((b) => b.metric)).toEqual([
      "Answered live (open hours)",
      "Time to text (median)",
      "Re-engaged rate",
      "After-hours captured",
      "Book rate",
    ]);
  });

  it("re-engaged rate and recovered rate are different ratios of missed calls", () => {
    const a = withRates({ ...emptyCounts(), missedCalls: 74, reEngaged: 22, recovered: 8 });
    expect(a.reEngagedRate).toBeCloseTo(22 / 74);
    expect(a.recoveredRate).toBeCloseTo(8 / 74);
    expect(a.bookRate).toBeCloseTo(8 / 22);
  });
});
