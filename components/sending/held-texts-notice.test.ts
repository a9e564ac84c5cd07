import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HeldTextsNotice } from "./held-texts-notice";

const LIMITS = { autoTextsPerDay: 300, manualTextsPerDay: 200 };

describe("HeldTextsNotice: the owner's banner", () => {
  it("renders nothing when no text was held back", () => {
    expect(renderToStaticMarkup(createElement(HeldTextsNotice, { held: {}, limits: LIMITS }))).toBe("");
  });

  it("says how many texts were held back, why, and what to do", () => {
    const html = renderToStaticMarkup(createElement(HeldTextsNotice, { held: { daily_cap_reached: 12, country_not_enabled: 1 }, limits: LIMITS }));
    expect(html).toContain('data-testid="held-texts-banner"');
    expect(html).toContain("12 texts were not sent in the last 24 hours: your organization reached its daily limit (300 automatic and 200 typed texts a day).");
    expect(html).toContain("Call those people instead");
    expect(html).toContain('href="/callbacks"');
    expect(html).toContain("1 text was not sent in the last 24 hours: the number is in a country your organization does not text.");
    expect(html).toContain('href="/settings"');
  });
});
