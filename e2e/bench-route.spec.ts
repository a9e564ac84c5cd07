// The benchmark's baseline route is not part of a normal production server: without BENCH_ROUTES=1
// it answers 404 (the sign-in proxy lets it through, as it does webhooks).
import { expect, test } from "@playwright/test";

test("POST /api/bench/bare answers 404 on a server started without BENCH_ROUTES=1", async ({ request }) => {
  const response = await request.post("/api/bench/bare", { form: { From: "+13105550111" }, maxRedirects: 0 });
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({ error: "not_found" });
});
