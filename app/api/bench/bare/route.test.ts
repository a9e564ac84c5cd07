// The benchmark's baseline route is invisible unless the server was started with BENCH_ROUTES=1.
import { afterEach, describe, expect, it } from "vitest";
import { POST } from "./route";

const request = () => new Request("http://app.internal/api/bench/bare", { method: "POST", body: "From=%2B13105550111" });

describe("POST /api/bench/bare", () => {
  afterEach(() => {
    delete process.env.BENCH_ROUTES;
  });

  it("answers 404 on a server started without BENCH_ROUTES=1 (production)", async () => {
    expect((await POST(request())).status).toBe(404);
    process.env.BENCH_ROUTES = "true";
    expect((await POST(request())).status).toBe(404);
  });

  it("reads the body and answers 200 with empty TwiML when BENCH_ROUTES=1", async () => {
    process.env.BENCH_ROUTES = "1";
    const response = await POST(request());
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<Response></Response>");
  });
});
