// The Quo stand-in speaks the documented v1 shapes: a send from the number's PN… id answered 202,
// the list Rebound reconciles with, phone numbers, the A2P registration, and the scripted failures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_QUO_NUMBER, DEMO_QUO_NUMBER_ID, QUO_ERRORS, startQuoStandIn, type QuoStandIn } from "./quo-stand-in";

const TO = "+13105550111";

describe("quo stand-in", () => {
  let quo: QuoStandIn;
  const call = (path: string, init: RequestInit = {}, key = quo.apiKey) =>
    fetch(quo.url + path, { ...init, headers: { Authorization: key, "Content-Type": "application/json", ...(init.headers as Record<string, string>) } });
  const sendText = (body: unknown = { content: "Sorry we missed you!", from: DEMO_QUO_NUMBER_ID, to: [TO] }) =>
    call("/v1/messages", { method: "POST", body: JSON.stringify(body) });

  beforeAll(async () => {
    quo = await startQuoStandIn();
  });
  afterAll(async () => quo.close());
  beforeEach(() => quo.reset());

  it("accepts a text from the PN… id with 202 and the message under data, then lists it for that number and participant", async () => {
    const res = await sendText();
    expect(res.status).toBe(202);
    const { data } = (await res.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({ status: "queued", phoneNumberId: DEMO_QUO_NUMBER_ID, from: DEMO_QUO_NUMBER, to: [TO], text: "Sorry we missed you!", direction: "outgoing" });
    expect(data.id).toMatch(/^AC/);
    expect(quo.messages).toEqual([expect.objectContaining({ id: data.id, from: DEMO_QUO_NUMBER, to: TO, content: "Sorry we missed you!" })]);

    const since = new Date(Date.now() - 60_000).toISOString();
    const list = await call(`/v1/messages?phoneNumberId=${DEMO_QUO_NUMBER_ID}&participants[]=${encodeURIComponent(TO)}&maxResults=50&createdAfter=${since}`);
    expect(list.status).toBe(200);
    const listed = (await list.json()) as { data: { id: string }[]; totalItems: number };
    expect(listed.data.map((m) => m.id)).toEqual([data.id]);
    const other = (await (await call(`/v1/messages?phoneNumberId=${DEMO_QUO_NUMBER_ID}&participants[]=%2B13105550112`)).json()) as { data: unknown[] };
    expect(other.data).toEqual([]);
  });

  it("refuses a Bearer key (the raw key is the header) in the live API's wrapped shape", async () => {
    const res = await call("/v1/phone-numbers", {}, `Bearer ${quo.apiKey}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { key: "Unauthorized" } });
  });

  it("answers scripted errors in both shapes, with the documented codes", async () => {
    quo.failNextSends([QUO_ERRORS.notRegistered, { ...QUO_ERRORS.noCredits, shape: "wrapped" }, { status: 429, retryAfter: 2 }]);
    const first = await sendText();
    expect(first.status).toBe(400);
    expect(await first.json()).toMatchObject({ code: "0206400", status: 400, title: "Bad Request" });
    const second = await sendText();
    expect(second.status).toBe(402);
    expect(await second.json()).toMatchObject({ error: { message: QUO_ERRORS.noCredits.message } });
    const third = await sendText();
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("2");
    expect(quo.messages).toHaveLength(0);
    expect(quo.attempts.map((a) => a.outcome)).toEqual([400, 402, 429]);
  });

  it("limits each key to 10 requests a second", async () => {
    const statuses = await Promise.all(Array.from({ length: 12 }, () => call("/v1/phone-numbers").then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  });

  it("accept-and-hang keeps the text (listed) but never answers", async () => {
    quo.failNextSends(["accept-and-hang"]);
    const body = JSON.stringify({ content: "hello", from: DEMO_QUO_NUMBER_ID, to: [TO] });
    const outcome = await fetch(quo.url + "/v1/messages", { method: "POST", body, headers: { Authorization: quo.apiKey }, signal: AbortSignal.timeout(300) }).then(
      () => "answered",
      () => "timed out",
    );
    expect(outcome).toBe("timed out");
    expect(quo.attempts[0]?.outcome).toBe("accept-and-hang");
    expect(quo.messages).toHaveLength(1);
  });

  it("lists phone numbers with messaging restrictions, and the A2P registration with its version header", async () => {
    const numbers = (await (await call("/v1/phone-numbers")).json()) as { data: { id: string; number: string; restrictions: { messaging: { US: string } } }[] };
    expect(numbers.data).toEqual([
      expect.objectContaining({
        id: DEMO_QUO_NUMBER_ID,
        number: DEMO_QUO_NUMBER,
        restrictions: expect.objectContaining({ messaging: expect.objectContaining({ US: "unrestricted" }) }),
      }),
    ]);
    expect((await call("/a2p-registration")).status).toBe(400);
    quo.setA2p({ status: "rejected", statusMessages: [{ errorCode: 702, errorReason: "Brand name does not match the EIN" }] });
    const a2p = await call("/a2p-registration", { headers: { "Quo-Api-Version": "2026-03-30" } });
    expect(await a2p.json()).toMatchObject({ data: { status: "rejected", statusMessages: [{ errorCode: 702, errorReason: "Brand name does not match the EIN" }] } });
  });
});
