// Proves the stand-in speaks what the real twilio-node 6 client sends and expects.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTwilioStandIn, type TwilioStandIn } from "./twilio-stand-in";

/** twilio 6 has no base-URL option: RequestClient.request receives the absolute URL (no query; params apart), swap its origin. */
class StandInClient extends twilio.RequestClient {
  constructor(
    private readonly base: string,
    opts?: RequestClient.RequestClientOptions,
  ) {
    super(opts);
  }
  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = new URL(opts.uri);
    return super.request({ ...opts, uri: this.base + uri.pathname + uri.search });
  }
}

const clientFor = (s: TwilioStandIn, authToken = s.authToken, opts?: RequestClient.RequestClientOptions) =>
  twilio(s.accountSid, authToken, { httpClient: new StandInClient(s.url, opts) });

async function restError(p: Promise<unknown>): Promise<InstanceType<typeof twilio.RestException>> {
  const err: unknown = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(twilio.RestException);
  return err as InstanceType<typeof twilio.RestException>;
}

const TO = "+13105550111";
const FROM = "+13105550199";

describe("twilio stand-in with the real twilio client", () => {
  let standIn: TwilioStandIn;
  let client: ReturnType<typeof twilio>;
  beforeAll(async () => {
    standIn = await startTwilioStandIn();
    client = clientFor(standIn);
  });
  afterAll(async () => standIn.close());
  beforeEach(() => standIn.reset());

  it("create() returns a queued message and records To/From/Body/StatusCallback", async () => {
    const msg = await client.messages.create({ to: TO, from: FROM, body: "Sorry we missed you!", statusCallback: "http://app.test/api/webhooks/twilio/status" });
    expect(msg.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(msg).toMatchObject({ status: "queued", direction: "outbound-api", to: TO, from: FROM, numSegments: "1", accountSid: standIn.accountSid, apiVersion: "2010-04-01" });
    expect(msg.dateCreated).toBeInstanceOf(Date);
    expect(Math.abs(msg.dateCreated.getTime() - Date.now())).toBeLessThan(5000);
    expect(standIn.messages).toHaveLength(1);
    expect(standIn.messages[0]).toMatchObject({ sid: msg.sid, to: TO, from: FROM, body: "Sorry we missed you!", statusCallback: "http://app.test/api/webhooks/twilio/status" });
    expect(standIn.messages[0]?.receivedAt).toBeTypeOf("number");
    expect(standIn.requests).toContainEqual({ method: "POST", path: `/2010-04-01/Accounts/${standIn.accountSid}/Messages.json` });
    const fetched = await client.messages(msg.sid).fetch();
    expect(fetched.body).toBe("Sorry we missed you!");
  });

  it("failNextSends: scripted 500 and 429 throw RestException and record nothing; the next send succeeds", async () => {
    standIn.failNextSends([{ status: 500 }, { status: 429 }]);
    const first = await restError(client.messages.create({ to: TO, from: FROM, body: "a" }));
    expect(first.status).toBe(500);
    expect(first.code).toBe(20500);
    const second = await restError(client.messages.create({ to: TO, from: FROM, body: "b" }));
    expect(second.status).toBe(429);
    expect(second.code).toBe(20429);
    expect(standIn.messages).toHaveLength(0);
    const third = await client.messages.create({ to: TO, from: FROM, body: "c" });
    expect(standIn.messages.map((m) => m.sid)).toEqual([third.sid]);
  });

  it("failNextSendsTo: only sends to that number get its scripted replies, whatever comes between", async () => {
    const other = "+13105550177";
    standIn.failNextSendsTo(TO, [{ status: 500 }]);
    const toOther = await client.messages.create({ to: other, from: FROM, body: "first, to someone else" });
    expect((await restError(client.messages.create({ to: TO, from: FROM, body: "a" }))).status).toBe(500);
    const retried = await client.messages.create({ to: TO, from: FROM, body: "a" });
    expect(standIn.messages.map((m) => m.sid)).toEqual([toOther.sid, retried.sid]);
  });

  it("scripted Twilio error codes and validation errors come back as RestException", async () => {
    standIn.failNextSends([{ status: 400, code: 21610, message: "Attempt to send to unsubscribed recipient" }]);
    const optedOut = await restError(client.messages.create({ to: TO, from: FROM, body: "x" }));
    expect(optedOut).toMatchObject({ status: 400, code: 21610, moreInfo: "https://www.twilio.com/docs/errors/21610" });
    expect((await restError(client.messages.create({ to: TO, body: "x" }))).code).toBe(21603);
    expect((await restError(client.messages.create({ to: TO, from: FROM }))).code).toBe(21602);
    expect((await restError(client.messages.create({ to: "12345", from: FROM, body: "x" }))).code).toBe(21211);
    expect((await restError(client.messages("SM" + "f".repeat(32)).fetch())).code).toBe(20404);
    expect(standIn.messages).toHaveLength(0);
  });

  it("messages.list({ to, from, dateSentAfter }) finds the sent message, newest first, across pages", async () => {
    const since = new Date(Date.now() - 1000);
    const other = await client.messages.create({ to: "+13105550122", from: FROM, body: "other" });
    const a = await client.messages.create({ to: TO, from: FROM, body: "one" });
    const b = await client.messages.create({ to: TO, from: FROM, body: "two" });
    const c = await client.messages.create({ to: TO, from: FROM, body: "three" });
    const found = await client.messages.list({ to: TO, from: FROM, dateSentAfter: since, limit: 20 });
    expect(found.map((m) => m.sid)).toEqual([c.sid, b.sid, a.sid]);
    const paged = await client.messages.list({ to: TO, pageSize: 2 }); // follows next_page_uri
    expect(paged.map((m) => m.sid)).toEqual([c.sid, b.sid, a.sid]);
    expect(await client.messages.list({ to: TO, dateSentAfter: new Date(Date.now() + 60_000) })).toEqual([]);
    expect((await client.messages.list({})).map((m) => m.sid)).toContain(other.sid);
  });

  it("lookups.v2 line_type_intelligence returns mobile by default and the configured type", async () => {
    const mobile = await client.lookups.v2.phoneNumbers(TO).fetch({ fields: "line_type_intelligence" });
    expect(mobile).toMatchObject({ valid: true, phoneNumber: TO, countryCode: "US", nationalFormat: "(310) 555-0111" });
    expect(mobile.lineTypeIntelligence?.type).toBe("mobile");
    standIn.setLineType("+13105550123", "landline");
    const landline = await client.lookups.v2.phoneNumbers("+13105550123").fetch({ fields: "line_type_intelligence" });
    expect(landline.lineTypeIntelligence?.type).toBe("landline");
    expect(standIn.requests).toContainEqual({ method: "GET", path: "/v2/PhoneNumbers/+13105550123" });
  });

  it("wrong credentials → 401 with code 20003", async () => {
    const bad = clientFor(standIn, "not-the-token");
    const err = await restError(bad.messages.create({ to: TO, from: FROM, body: "x" }));
    expect(err).toMatchObject({ status: 401, code: 20003 });
    expect((await restError(bad.lookups.v2.phoneNumbers(TO).fetch())).status).toBe(401);
    expect(standIn.messages).toHaveLength(0);
  });

  it("unknown paths answer 404 with Twilio's error JSON", async () => {
    const res = await fetch(`${standIn.url}/2010-04-01/Accounts/${standIn.accountSid}/Conferences.json`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 20404, status: 404 });
  });

  it("waitForMessages resolves on arrival and rejects on timeout", async () => {
    const waiting = standIn.waitForMessages(2, 2000);
    await client.messages.create({ to: TO, from: FROM, body: "1" });
    await client.messages.create({ to: TO, from: FROM, body: "2" });
    expect((await waiting).map((m) => m.body)).toEqual(["1", "2"]);
    await expect(standIn.waitForMessages(3, 50)).rejects.toThrow(/expected 3/);
  });
});

describe("status callbacks", () => {
  let app: Server;
  let appUrl: string;
  const received: { params: Record<string, string>; valid: boolean }[] = [];
  let standIn: TwilioStandIn;
  beforeAll(async () => {
    app = createServer((req, res) => {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      req.on("end", () => {
        const params = Object.fromEntries(new URLSearchParams(raw));
        const signature = String(req.headers["x-twilio-signature"] ?? "");
        const valid = twilio.validateRequest(standIn.authToken, signature, appUrl + (req.url ?? ""), params);
        received.push({ params, valid });
        res.writeHead(valid ? 204 : 403).end();
      });
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    app.closeAllConnections();
    await new Promise((resolve) => app.close(resolve));
  });

  it("sendStatusCallback posts a signed form the app can validate, and updates the message", async () => {
    standIn = await startTwilioStandIn();
    try {
      const client = clientFor(standIn);
      const msg = await client.messages.create({ to: TO, from: FROM, body: "hi", statusCallback: `${appUrl}/api/webhooks/twilio/status?b=1` });
      expect(await standIn.sendStatusCallback(msg.sid, "undelivered", 30006)).toBe(204);
      expect(received.at(-1)).toMatchObject({ valid: true, params: { MessageSid: msg.sid, MessageStatus: "undelivered", ErrorCode: "30006", To: TO, From: FROM } });
      const after = await client.messages(msg.sid).fetch();
      expect(after).toMatchObject({ status: "undelivered", errorCode: 30006 });
    } finally {
      await standIn.close();
    }
  });

  it("autoDeliver posts sent then delivered", async () => {
    standIn = await startTwilioStandIn({ autoDeliver: true });
    try {
      received.length = 0;
      const msg = await clientFor(standIn).messages.create({ to: TO, from: FROM, body: "hi", statusCallback: `${appUrl}/status` });
      await expect.poll(() => received.length, { timeout: 3000 }).toBe(2);
      expect(received.map((r) => [r.params.MessageSid, r.params.MessageStatus, r.valid])).toEqual([
        [msg.sid, "sent", true],
        [msg.sid, "delivered", true],
      ]);
    } finally {
      await standIn.close();
    }
  });
});

describe("hang", () => {
  it("a hung send never answers, and close() frees it", async () => {
    const standIn = await startTwilioStandIn();
    standIn.failNextSends(["hang"]);
    const pending = clientFor(standIn)
      .messages.create({ to: TO, from: FROM, body: "x" })
      .then(
        () => "answered",
        () => "failed",
      );
    const raced = await Promise.race([pending, new Promise((r) => setTimeout(() => r("still waiting"), 300))]);
    expect(raced).toBe("still waiting");
    const started = Date.now();
    await standIn.close();
    expect(await pending).toBe("failed");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(standIn.messages).toHaveLength(0);
  });
});

describe("accepted but unanswered, and slow answers", () => {
  it("accept-and-hang: the text is in the message list with a sid, but the sender never hears back", async () => {
    const standIn = await startTwilioStandIn();
    standIn.failNextSends(["accept-and-hang"]);
    const client = clientFor(standIn);
    const pending = client.messages.create({ to: TO, from: FROM, body: "lost answer" }).then(
      () => "answered",
      () => "failed",
    );
    await standIn.waitForMessages(1);
    const listed = await client.messages.list({ to: TO, from: FROM, limit: 5 });
    expect(listed.map((m) => m.body)).toEqual(["lost answer"]);
    expect(standIn.attempts.map((a) => [a.kind, a.to, a.outcome])).toEqual([
      ["send", TO, "accept-and-hang"],
      ["list", TO, null],
    ]);
    await standIn.close();
    expect(await pending).toBe("failed");
  });

  it("delayMs: the text is accepted at once and answered later; an error is answered later", async () => {
    const standIn = await startTwilioStandIn();
    const client = clientFor(standIn);
    standIn.failNextSends([
      { status: 201, delayMs: 300 },
      { status: 500, delayMs: 200 },
    ]);
    const started = Date.now();
    const slow = client.messages.create({ to: TO, from: FROM, body: "slow" });
    await standIn.waitForMessages(1);
    expect(Date.now() - started).toBeLessThan(250);
    expect((await slow).status).toBe("queued");
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const failedAt = Date.now();
    expect((await restError(client.messages.create({ to: TO, from: FROM, body: "x" }))).status).toBe(500);
    expect(Date.now() - failedAt).toBeGreaterThanOrEqual(190);
    expect(standIn.attempts.map((a) => a.outcome)).toEqual(["accepted", 500]);
    await standIn.close();
  });
});
