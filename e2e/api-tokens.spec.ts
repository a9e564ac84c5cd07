// Settings → API: an owner creates a named token, sees it once, uses it against the read API,
// and revokes it (after confirming), after which the same token is refused. Coordinators never
// reach the page.
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("an owner creates a token, uses it once shown, and revokes it", async ({ page, request }) => {
  await signIn(page, "owner@glow.test");
  await page.getByRole("link", { name: "Settings" }).first().click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API" }).click();
  await expect(page.getByRole("heading", { name: "API", exact: true })).toBeVisible();
  await expect(page.getByText("No API tokens yet.")).toBeVisible();

  // A token needs a name: the error sits next to the field.
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.locator("#name-error")).toContainText("Name the token");

  await page.getByLabel("Token name").fill("Looker Studio");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByLabel("API token", { exact: true });
  await expect(shown).toContainText(/^rb_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent())!;
  await expect(page.getByText("shown this once and never again")).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy API token" })).toBeVisible();
  const row = page.getByRole("listitem").filter({ hasText: "Looker Studio" });
  await expect(row).toContainText(`${token.slice(0, 9)}…`);
  await expect(row).toContainText("Active");
  await expect(row).toContainText("never used");
  await page.screenshot({ path: "test-results/screenshots/settings-api-desktop.png", fullPage: true });

  // The token reads this spa's data, and only this spa's.
  const headers = { Authorization: `Bearer ${token}` };
  const calls = await request.get("/api/v1/calls", { headers });
  expect(calls.status()).toBe(200);
  const body = (await calls.json()) as { data: { id: string; started_at: string }[]; next_cursor: string | null };
  expect(body.data.length).toBeGreaterThan(0);
  expect(body.data[0]!.started_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  const conversations = (await (await request.get("/api/v1/conversations?limit=500", { headers })).json()) as { data: { id: string }[] };
  expect(conversations.data.map((c) => c.id)).not.toContain(process.env.E2E_OTHER_CONVERSATION_ID);

  const roi = await request.get("/api/v1/roi", { headers });
  expect(roi.status()).toBe(200);
  const figures = (await roi.json()) as { totals: { inbound_calls: number; recovered_cents: number }; by_month: unknown[] };
  expect(figures.totals.inbound_calls).toBeGreaterThan(0);
  expect(figures.by_month).toHaveLength(3);

  // The signed-in owner downloads the same calls as CSV (session, not token).
  const csv = await page.request.get("/roi/export/calls.csv?from=2024-01-01&to=2028-12-31");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toBe('attachment; filename="rebound-calls-2024-01-01-to-2028-12-31.csv"');
  const lines = (await csv.text()).split("\r\n");
  expect(lines.length).toBeGreaterThan(3);
  expect(lines[0]).toBe(
    "\uFEFFid,location_id,location_name,contact_id,contact_name,from_number,to_number,direction,disposition,leak_source,started_at,ended_at,duration_seconds,has_voicemail,is_spam,rebound_did,missed_call,texted_back,re_engaged,recovered,recovered_cents",
  );
  // The second line says what each column means; the data starts on the third.
  expect(lines[1]).toMatch(/^Rebound's id for the call\./);
  expect(lines[2]).toMatch(/^[0-9a-f-]{36},/);

  // Shown once: after a reload only the prefix remains, and the use is recorded.
  await page.reload();
  await expect(page.getByText(token)).toHaveCount(0);
  await expect(row).toContainText("last used");

  // Revoking asks first; cancelling keeps the token working.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await row.getByRole("button", { name: "Revoke the token Looker Studio" }).click();
  await expect(row).toContainText("Active");
  expect((await request.get("/api/v1/calls?limit=1", { headers })).status()).toBe(200);

  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("Looker Studio");
    void dialog.accept();
  });
  await row.getByRole("button", { name: "Revoke the token Looker Studio" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  const refused = await request.get("/api/v1/calls", { headers });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: "unauthorized", message: expect.any(String) });
  expect((await request.get("/api/v1/roi", { headers })).status()).toBe(401);
});

test("a coordinator is sent away from Settings → API", async ({ page }) => {
  await signIn(page, "desk@glow.test");
  await page.goto("/settings/api");
  await expect(page).toHaveURL(/\/inbox\?denied=1/);
  await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
});
