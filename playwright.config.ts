import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./tools/chromium";

// Debian's /usr/bin/chromium where it exists (CI and these machines: Playwright cannot download
// browsers here); Playwright's own browser elsewhere; with neither, one line on how to get one.
const browser = findChromium();
if (!browser.found) {
  console.error(browser.message);
  process.exit(1);
}
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: browser.launchOptions,
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } }],
});
