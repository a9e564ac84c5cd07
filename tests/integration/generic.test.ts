// The documented generic webhook (docs/webhooks.md) through the JSON front door: a signed missed
// call becomes exactly one text; bad or replayed signatures and malformed bodies change nothing;
// and the curl example of the docs, run as written, works.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { genericEvent, signedGenericRequest } from "@/lib/telephony/generic/samples";
import { APP_URL, DEMO_WEBHOOK_SECRETS, uniqueCaller, useHarness, useProviderLines } from "./harness";
import { callsWithSid, rowsForCaller } from "./rows";

const SECRET = DEMO_WEBHOOK_SECRETS.generic;

const h = useHarness();
/** This file's numbers on generic at Downtown and Westside (the demo main lines are on Twilio). */
const LINES = useProviderLines("generic");
const handle = (request: Request) => h.postJson(request, "generic");
const post = (body: unknown, options: { secret?: string | null; signedAt?: Date } = {}) =>
  handle(signedGenericRequest({ url: `${APP_URL}/api/webhooks/generic`, body, secret: options.secret === undefined ? SECRET : options.secret, signedAt: options.signedAt }));
const settle = () => h.settle();

const textsTo = (caller: string) => h.standIn.messages.filter((m) => m.to === caller);

describe("a signed generic event", () => {
  it("call.missed texts the caller once, from the number they dialled", async () => {
    const caller = uniqueCaller();
    const event = genericEvent({ from: caller, to: LINES.westside });
    const response = await post(event);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, result: "recorded" });
    await settle();

    expect(textsTo(caller).map((m) => m.from)).toEqual([LINES.westside]);
    expect(textsTo(caller)[0]?.body).toContain("Glow Med Spa");
    const calls = await callsWithSid(event.call_id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ provider: "generic", disposition: "missed", providerStatus: "call.missed", toNumber: LINES.westside, durationSeconds: 24 });
  });

  it("five concurrent deliveries of the same event give one call and one text", async () => {
    const caller = uniqueCaller();
    const event = genericEvent({ from: caller, to: LINES.downtown });
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(event)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await settle();
    expect(await callsWithSid(event.call_id)).toHaveLength(1);
    expect(textsTo(caller)).toHaveLength(1);
  });

  it("call.voicemail after call.missed (same call_id): one text, the voicemail and transcript attached", async () => {
    const caller = uniqueCaller();
    const missed = genericEvent({ from: caller, to: LINES.downtown });
    await post(missed);
    await settle();
    const voicemail = genericEvent({ from: caller, to: LINES.downtown, type: "call.voicemail", callId: missed.call_id, transcript: "Booking a facial, please call back." });
    expect(await (await post(voicemail)).json()).toEqual({ ok: true, result: "recorded" }); // a new delivery (stored); that its call is already on record shows in the rows below
    await settle();

    expect(textsTo(caller)).toHaveLength(1);
    const calls = await callsWithSid(missed.call_id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ disposition: "voicemail", voicemailUrl: voicemail.voicemail_url, voicemailSeconds: 19, transcript: "Booking a facial, please call back." });
  });

  it("call.answered is logged and nobody is texted", async () => {
    const caller = uniqueCaller();
    await post(genericEvent({ from: caller, to: LINES.downtown, type: "call.answered" }));
    await settle();
    expect(textsTo(caller)).toHaveLength(0);
    expect((await rowsForCaller(caller)).calls[0]?.disposition).toBe("answered");
  });
});

describe("bad input", () => {
  async function expectNothingStored(caller: string, callId: string): Promise<void> {
    await settle();
    expect(await callsWithSid(callId)).toHaveLength(0);
    expect((await rowsForCaller(caller)).contact).toBeNull();
    expect(textsTo(caller)).toHaveLength(0);
  }

  it("a signature made with another secret is answered 401 and nothing is stored", async () => {
    const caller = uniqueCaller();
    const event = genericEvent({ from: caller, to: LINES.downtown });
    const response = await post(event, { secret: "not-the-secret" });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "unauthorized", message: "Signature check failed: the signature does not match the body" });
    expect((await post(event, { secret: null })).status).toBe(401);
    await expectNothingStored(caller, event.call_id);
  });

  it("a body changed after signing is answered 401", async () => {
    const caller = uniqueCaller();
    const event = genericEvent({ from: uniqueCaller(), to: LINES.downtown });
    const request = signedGenericRequest({ url: `${APP_URL}/api/webhooks/generic`, body: event, secret: SECRET });
    const tampered = new Request(request.url, { method: "POST", headers: request.headers, body: JSON.stringify({ ...event, from: caller }) });
    expect((await handle(tampered)).status).toBe(401);
    await expectNothingStored(caller, event.call_id);
  });

  it("a correctly signed request replayed six minutes later is answered 401", async () => {
    const caller = uniqueCaller();
    const event = genericEvent({ from: caller, to: LINES.downtown });
    const response = await post(event, { signedAt: new Date(Date.now() - 6 * 60_000) });
    expect(response.status).toBe(401);
    expect((await response.json()).message).toContain("X-Rebound-Timestamp is more than 300 seconds");
    await expectNothingStored(caller, event.call_id);
  });

  it("a malformed event is answered 400 with a message naming the field", async () => {
    const caller = uniqueCaller();
    const event = genericEvent({ from: caller, to: LINES.downtown });
    const response = await post({ ...event, started_at: "yesterday" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "bad_request", message: expect.stringContaining("started_at:") });
    const { call_id: _c, ...withoutCallId } = event;
    expect((await (await post(withoutCallId)).json()).message).toContain("call_id:");
    expect((await post("{not json")).status).toBe(400);
    await expectNothingStored(caller, event.call_id);
  });

  it("a call to a number no location has is acknowledged (no secret could verify it): nobody is texted, nothing stored", async () => {
    const caller = uniqueCaller();
    const event = genericEvent({ from: caller, to: "+14155550123" });
    const response = await post(event);
    expect(await response.json()).toEqual({ ok: true, ignored: "unknown number" });
    await expectNothingStored(caller, event.call_id);
  });
});

describe("the curl example in docs/webhooks.md", () => {
  let server: Server;
  let base = "";

  async function toRequest(req: IncomingMessage): Promise<Request> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.from(chunk as Uint8Array));
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
    }
    return new Request(`${APP_URL}${req.url ?? "/"}`, { method: req.method, headers, body: Buffer.concat(chunks) });
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      void toRequest(req)
        .then(handle)
        .then(async (response) => {
          res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json" });
          res.end(await response.text());
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("run as written (openssl + curl), is recorded once, and a second run is a duplicate with no second text", async () => {
    const docs = readFileSync(path.join(process.cwd(), "docs/webhooks.md"), "utf8");
    const script = [...docs.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? "").find((block) => block.includes("X-Rebound-Signature"));
    expect(script).toBeDefined();
    const caller = uniqueCaller();
    const callId = `call_docs_${Date.now()}`;
    // Only the target and the caller change: a fresh caller and call per run, this test's server.
    const runnable = (script ?? "")
      .replace("http://localhost:3000", base)
      .replace("+13105550111", caller)
      .replace("+13105550180", LINES.downtown)
      .replace("call_8f14e45fceea167a", callId)
      .replace("2026-05-12T17:00:00Z", new Date().toISOString());
    const run = async () => (await promisify(execFile)("sh", ["-c", runnable], { env: { NODE_ENV: "test", PATH: process.env.PATH, GENERIC_WEBHOOK_SECRET: SECRET } })).stdout;

    expect(JSON.parse(await run())).toEqual({ ok: true, result: "recorded" });
    await settle();
    expect(textsTo(caller).map((m) => m.from)).toEqual([LINES.downtown]);
    expect(JSON.parse(await run())).toEqual({ ok: true, result: "duplicate" });
    await settle();
    expect(textsTo(caller)).toHaveLength(1);
    expect(await callsWithSid(callId)).toHaveLength(1);
  });
});
