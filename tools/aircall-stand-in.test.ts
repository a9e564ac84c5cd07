// The Aircall stand-in: native send on the number's id with Basic auth, the paginated numbers list
// with formatted digits, the X-AircallApi-* headers on every answer, scripted failures, webhooks.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aircallNumber, DEMO_AIRCALL_NUMBER_ID, startAircallStandIn, type AircallStandIn } from "./aircall-stand-in";

const TO = "+13105550111";

describe("aircall stand-in", () => {
  let aircall: AircallStandIn;
  const auth = () => `Basic ${Buffer.from(`${aircall.apiId}:${aircall.apiToken}`).toString("base64")}`;
  const call = (path: string, init: RequestInit = {}) => fetch(aircall.url + path, { ...init, headers: { Authorization: auth(), "Content-Type": "application/json" } });
  const sendText = (numberId = DEMO_AIRCALL_NUMBER_ID) =>
    call(`/v1/numbers/${numberId}/messages/native/send`, { method: "POST", body: JSON.stringify({ to: TO, body: "Sorry we missed you!" }) });

  beforeAll(async () => {
    aircall = await startAircallStandIn();
  });
  afterAll(async () => aircall.close());
  beforeEach(() => aircall.reset());

  it("answers a native send with the message object at top level and the rate headers", async () => {
    const res = await sendText();
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "pending", direction: "outbound", external_number: TO, body: "Sorry we missed you!", number: { id: DEMO_AIRCALL_NUMBER_ID } });
    expect(typeof body.id).toBe("string");
    expect(res.headers.get("x-aircallapi-limit")).toBe("60");
    expect(res.headers.get("x-aircallapi-remaining")).toBe("59");
    expect(Number(res.headers.get("x-aircallapi-reset"))).toBeGreaterThan(Date.now() / 1000);
    expect(aircall.messages).toEqual([expect.objectContaining({ id: body.id, to: TO, from: "+13105550170" })]);
  });

  it("refuses a wrong token and an unknown number in its error shape", async () => {
    const bad = await fetch(`${aircall.url}/v1/numbers`, { headers: { Authorization: "Basic eDp5" } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: "Unauthorized", troubleshoot: expect.any(String) });
    expect(bad.headers.get("x-aircallapi-limit")).toBe("60");
    expect((await sendText(999)).status).toBe(404);
  });

  it("pages numbers (per_page at most 50) with digits formatted like the dashboard", async () => {
    aircall.setNumbers(Array.from({ length: 55 }, (_, i) => aircallNumber(`+1310555${String(1000 + i)}`, 5000 + i)));
    const first = (await (await call("/v1/numbers?per_page=100")).json()) as { meta: { per_page: number; next_page_link: string | null }; numbers: { digits: string }[] };
    expect(first.meta.per_page).toBe(50);
    expect(first.numbers[0]?.digits).toBe("+1 310-555-1000");
    expect(first.meta.next_page_link).toContain("page=2");
    const second = (await (await call("/v1/numbers?per_page=50&page=2")).json()) as { numbers: unknown[]; meta: { next_page_link: string | null } };
    expect(second.numbers).toHaveLength(5);
    expect(second.meta.next_page_link).toBeNull();
  });

  it("scripts 429 / 500 and enforces the per-minute budget", async () => {
    aircall.failNextSends([{ status: 429, retryAfter: 3 }, { status: 500 }]);
    const limited = await sendText();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    expect((await sendText()).status).toBe(500);
    aircall.setRateLimit(2);
    aircall.reset();
    expect([(await sendText()).status, (await sendText()).status, (await sendText()).status]).toEqual([200, 200, 429]);
    aircall.setRateLimit(60);
  });

  it("posts message.sent and message.status_updated webhooks with the token in the body", async () => {
    const received: unknown[] = [];
    const sink = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
    const hooked = await startAircallStandIn({ webhook: { url: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/hook`, token: "tok" }, autoWebhooks: true });
    const auth2 = `Basic ${Buffer.from(`${hooked.apiId}:${hooked.apiToken}`).toString("base64")}`;
    await fetch(`${hooked.url}/v1/numbers/${DEMO_AIRCALL_NUMBER_ID}/messages/native/send`, {
      method: "POST",
      headers: { Authorization: auth2 },
      body: JSON.stringify({ to: TO, body: "hi" }),
    });
    await expect.poll(() => received.length).toBe(2);
    expect(received[0]).toMatchObject({ resource: "message", event: "message.sent", token: "tok", data: { direction: "outbound", external_number: TO, body: "hi" } });
    expect(received[1]).toMatchObject({ event: "message.status_updated", data: { status: "delivered" } });
    await hooked.close();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  });
});
