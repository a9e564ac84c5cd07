import { chromium } from "@playwright/test";
import { describe, expect, it } from "vitest";
import { findChromium, SYSTEM_CHROMIUM } from "./chromium";

describe("which Chromium the browser tests launch", () => {
  it("Debian's /usr/bin/chromium when it exists, with the flags a root container needs", () => {
    const choice = findChromium((file) => file === SYSTEM_CHROMIUM);
    expect(choice).toMatchObject({ found: true, description: SYSTEM_CHROMIUM, launchOptions: { executablePath: SYSTEM_CHROMIUM } });
    expect(choice.found && choice.launchOptions.args).toContain("--no-sandbox");
  });

  it("else Playwright's own browser, launched as Playwright launches it", () => {
    const choice = findChromium((file) => file === chromium.executablePath());
    expect(choice).toEqual({ found: true, description: `Playwright's Chromium (${chromium.executablePath()})`, launchOptions: {} });
  });

  it("with neither, one line saying how to install one", () => {
    const choice = findChromium(() => false);
    expect(choice.found).toBe(false);
    const message = choice.found ? "" : choice.message;
    expect(message).not.toContain("\n");
    expect(message).toContain("apt-get install chromium");
    expect(message).toContain("npx playwright install chromium");
  });
});
