// One way to photograph a screen at both sizes the README shows: desktop (the test's viewport) and a
// 390 × 844 phone, into test-results/screenshots, and into docs/screenshots for `npm run screenshots`.
import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";

const PHONE = { width: 390, height: 844 };

export async function shootBothSizes(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  const dirs = ["test-results/screenshots", ...(process.env.SCREENSHOTS === "docs" ? ["docs/screenshots"] : [])];
  const desktop = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: `${dir}/${name}-desktop.png`, fullPage });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${dir}/${name}-phone.png`, fullPage });
    await page.setViewportSize(desktop);
  }
}
