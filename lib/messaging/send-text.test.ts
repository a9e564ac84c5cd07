// What a failed send means for the outbox: retry (and might the text already be out?) or give up,
// checked on error shapes and on the errors the real twilio client throws against a local server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifySendError, MAX_SEND_ATTEMPTS, retryDelayMs, sendText, type SendOutcome } from "./send-text";

/** A RestException exactly as twilio-node builds it from Twilio's JSON error body. */
function restException(status: number, code: number, message: string): InstanceType<typeof twilio.RestException> {
  return new twilio.RestException({
    statusCode: status,
    body: JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }),
  });
}

/** A network error as Node / axios raise it: an Error with a string code and no HTTP status. */
function networkError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

describe("classifySendError", () => {
  it("500 from Twilio: retry, and the text may already have been accepted", () => {
    const outcome = classifySendError(restException(500, 20500, "Internal Server Error"));
    expect(outcome).toEqual({ kind: "retry", error: "500 Internal Server Error", outcomeUnknown: true });
  });

  it("503 from Twilio: retry, outcome unknown", () => {
    expect(classifySendError(restException(503, 20503, "Service Unavailable"))).toMatchObject({ kind: "retry", outcomeUnknown: true });
  });

  it("429 too many requests: retry, and the text was certainly not sent", () => {
    const outcome = classifySendError(restException(429, 20429, "Too Many Requests"));
    expect(outcome).toEqual({ kind: "retry", error: "429 Too Many Requests", outcomeUnknown: false });
  });

  it("400 with 21610 (replied STOP): rejected for good, code kept so the contact is marked opted out", () => {
    const outcome = classifySendError(restException(400, 21610, "Attempt to send to unsubscribed recipient"));
    expect(outcome).toEqual({ kind: "rejected", code: 21610, error: "Attempt to send to unsubscribed recipient" });
  });

  it.each([
    [21211, "Invalid 'To' Phone Number"],
    [21614, "'To' number is not a valid mobile number"],
    [21608, "The number is unverified"],
  ])("400 with %i: rejected with the code", (code, message) => {
    expect(classifySendError(restException(400, code, message))).toEqual({ kind: "rejected", code, error: message });
  });

  it("401 with bad credentials: rejected, not retried forever", () => {
    expect(classifySendError(restException(401, 20003, "Authenticate"))).toEqual({ kind: "rejected", code: 20003, error: "Authenticate" });
  });

  it("a 4xx without a Twilio code is rejected with code null", () => {
    expect(classifySendError({ status: 404, message: "Not Found" })).toEqual({ kind: "rejected", code: null, error: "Not Found" });
  });

  it.each<[string, Error & { code: string }, boolean]>([
    ["ECONNREFUSED (never reached Twilio)", networkError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:443"), false],
    ["ENOTFOUND (DNS failed)", networkError("ENOTFOUND", "getaddrinfo ENOTFOUND api.twilio.com"), false],
    ["ETIMEDOUT", networkError("ETIMEDOUT", "connect ETIMEDOUT 54.172.60.0:443"), true],
    ["ECONNABORTED (axios timeout)", networkError("ECONNABORTED", "timeout of 10000ms exceeded"), true],
    ["ECONNRESET", networkError("ECONNRESET", "socket hang up"), true],
  ])("%s: retry, outcome unknown = %s", (_name, error, outcomeUnknown) => {
    expect(classifySendError(error)).toEqual({ kind: "retry", error: `${error.code} ${error.message}`, outcomeUnknown });
  });

  it("a bare 'timeout of 10000ms exceeded' with no code: retry, outcome unknown", () => {
    expect(classifySendError(new Error("timeout of 10000ms exceeded"))).toEqual({
      kind: "retry",
      error: "timeout of 10000ms exceeded",
      outcomeUnknown: true,
    });
  });

  it("something thrown that is not an error at all: retry, outcome unknown", () => {
    expect(classifySendError("boom")).toEqual({ kind: "retry", error: "boom", outcomeUnknown: true });
    expect(classifySendError(undefined)).toMatchObject({ kind: "retry", outcomeUnknown: true });
  });
});

describe("retryDelayMs", () => {
  const noJitter = () => 0;
  const fullJitter = () => 0.999999;

  it("doubles from 1 s: 1 s, 2 s, 4 s, 8 s …", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, noJitter))).toEqual([1000, 2000, 4000, 8000, 16000, 32000]);
  });

  it("treats attempt 0 like the first attempt", () => {
    expect(retryDelayMs(0, noJitter)).toBe(1000);
  });

  it("stops growing at 5 minutes", () => {
    expect(retryDelayMs(9, noJitter)).toBe(256_000);
    expect(retryDelayMs(10, noJitter)).toBe(300_000);
    expect(retryDelayMs(30, noJitter)).toBe(300_000);
  });

  it("adds at most 20% jitter, so retries of many texts do not arrive together", () => {
    expect(retryDelayMs(1, fullJitter)).toBe(1200);
    expect(retryDelayMs(3, () => 0.5)).toBe(4400);
    expect(retryDelayMs(30, fullJitter)).toBe(360_000);
    for (let attempts = 1; attempts <= 20; attempts++) {
      const base = retryDelayMs(attempts, noJitter);
      const jittered = retryDelayMs(attempts, fullJitter);
      expect(jittered).toBeGreaterThan(base);
      expect(jittered).toBeLessThanOrEqual(base * 1.2);
    }
  });

  it("gives up after a bounded number of attempts well inside an hour", () => {
    const total = Array.from({ length: MAX_SEND_ATTEMPTS }, (_, i) => retryDelayMs(i + 1, fullJitter)).reduce((a, b) => a + b, 0);
    expect(MAX_SEND_ATTEMPTS).toBe(8);
    expect(total).toBeLessThan(60 * 60 * 1000);
  });
});

describe("sendText with the real twilio client", () => {
  const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  const TEXT = { to: "+13105550111", from: "+13105550100", body: "Sorry we missed your call!", statusCallback: "https://rebound.example.com/api/webhooks/twilio/message-status" };
  let reply: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
  const received: Record<string, string>[] = [];
  let server: Server;
  let base: string;

  class LocalRequestClient extends twilio.RequestClient {
    constructor(private readonly origin: string) {
      super({ timeout: 300 });
    }
    override request<TData>(opts: RequestClient.RequestOptions<TData>) {
      const uri = new URL(opts.uri);
      return super.request({ ...opts, uri: this.origin + uri.pathname + uri.search });
    }
  }
  const clientAt = (origin: string) => twilio(ACCOUNT_SID, "test-auth-token", { httpClient: new LocalRequestClient(origin) });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received.push(Object.fromEntries(new URLSearchParams(body)));
        reply(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const json = (status: number, body: object) => (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  };

  it("a 201 is a sent text with Twilio's sid and status", async () => {
    reply = json(201, { sid: "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", status: "queued", to: TEXT.to, from: TEXT.from, body: TEXT.body });
    const outcome = await sendText(clientAt(base), TEXT);
    expect(outcome).toEqual({ kind: "sent", sid: "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", status: "queued" });
    expect(received.at(-1)).toMatchObject({ To: TEXT.to, From: TEXT.from, Body: TEXT.body, StatusCallback: TEXT.statusCallback });
  });

  it("a status we do not track is stored as queued", async () => {
    reply = json(201, { sid: "SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", status: "scheduled" });
    expect(await sendText(clientAt(base), TEXT)).toEqual({ kind: "sent", sid: "SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", status: "queued" });
  });

  it.each<[string, number, object, SendOutcome]>([
    ["500", 500, { code: 20500, message: "Internal Server Error", status: 500 }, { kind: "retry", error: "500 Internal Server Error", outcomeUnknown: true }],
    ["429", 429, { code: 20429, message: "Too Many Requests", status: 429 }, { kind: "retry", error: "429 Too Many Requests", outcomeUnknown: false }],
    [
      "400 / 21610",
      400,
      { code: 21610, message: "Attempt to send to unsubscribed recipient", more_info: "https://www.twilio.com/docs/errors/21610", status: 400 },
      { kind: "rejected", code: 21610, error: "Attempt to send to unsubscribed recipient" },
    ],
  ])("a %s answer from Twilio is classified from the client's RestException", async (_name, status, body, expected) => {
    reply = json(status, body);
    expect(await sendText(clientAt(base), TEXT)).toEqual(expected);
  });

  it("a refused connection: retry, and the text certainly did not leave", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await sendText(clientAt(`http://127.0.0.1:${port}`), TEXT);
    expect(outcome).toMatchObject({ kind: "retry", outcomeUnknown: false });
    expect(outcome.kind === "retry" && outcome.error).toMatch(/^ECONNREFUSED/);
  });

  it("Twilio never answering (client timeout): retry, but the text may be out, so look before resending", async () => {
    reply = () => undefined; // hold the request open past the client's timeout
    const outcome = await sendText(clientAt(base), TEXT);
    expect(outcome).toMatchObject({ kind: "retry", outcomeUnknown: true });
    expect(outcome.kind === "retry" && outcome.error).toBe("ECONNABORTED timeout of 300ms exceeded");
  });
});
