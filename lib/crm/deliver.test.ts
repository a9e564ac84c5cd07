// What a CRM receiver gets and what each answer means: requests verify with the off-the-shelf
// Standard Webhooks verifier, and every kind of answer (or silence) maps to delivered/retry/dead.
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyCrmResponse, MAX_CRM_ATTEMPTS, nextCrmStep, postCrmEvent, signCrmRequest, usableEndpoint, type AttemptResult } from "./deliver";
import { crmNetworkPolicy } from "./url-policy";

const secret = `whsec_${randomBytes(24).toString("base64")}`;
const body = JSON.stringify({ type: "call.missed", timestamp: "2025-03-04T17:05:00.000Z", data: { call: { id: "c1" } } });

describe("signCrmRequest", () => {
  const at = new Date();
  const request = signCrmRequest({ url: "https://crm.example/hooks", secret, eventId: "msg_abc123", body, at });

  it("verifies with the standardwebhooks verifier and yields the payload", () => {
    expect(new Webhook(secret).verify(request.body, request.headers)).toEqual(JSON.parse(body));
  });

  it("is v1,base64(HMAC-SHA256(id.timestamp.body)) keyed with the base64-decoded secret", () => {
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const seconds = Math.floor(at.getTime() / 1000);
    const expected = createHmac("sha256", key).update(`msg_abc123.${seconds}.${body}`).digest("base64");
    expect(request.headers).toMatchObject({
      "webhook-id": "msg_abc123",
      "webhook-timestamp": String(seconds),
      "webhook-signature": `v1,${expected}`,
      "content-type": "application/json",
    });
  });

  it("a tampered body or another spa's secret does not verify", () => {
    expect(() => new Webhook(secret).verify(body.replace("c1", "c2"), request.headers)).toThrow();
    const other = `whsec_${randomBytes(24).toString("base64")}`;
    expect(() => new Webhook(other).verify(request.body, request.headers)).toThrow();
  });
});

describe("classifyCrmResponse", () => {
  it.each([200, 201, 202, 204])("%i is delivered", (status) => {
    expect(classifyCrmResponse(status)).toEqual({ kind: "delivered", statusCode: status });
  });

  it.each([500, 502, 503, 504, 429])("%i is retried", (status) => {
    expect(classifyCrmResponse(status)).toEqual({ kind: "retry", statusCode: status, error: `HTTP ${status}` });
  });

  it.each([400, 401, 403, 404, 410, 422])("%i is dead at once", (status) => {
    expect(classifyCrmResponse(status)).toEqual({ kind: "dead", statusCode: status, error: `HTTP ${status}` });
  });

  it("a redirect is dead and says to fix the URL", () => {
    expect(classifyCrmResponse(301)).toMatchObject({ kind: "dead", statusCode: 301, error: expect.stringContaining("set the CRM URL") });
  });
});

describe("nextCrmStep", () => {
  const now = new Date("2025-03-04T17:00:00Z");
  const retry: AttemptResult = { kind: "retry", statusCode: 503, error: "HTTP 503" };

  it("backs off like the text outbox: 1 s after the first failure, 4 s after the third", () => {
    expect(nextCrmStep(retry, 1, now, () => 0)).toEqual({ ...retry, at: new Date(now.getTime() + 1000) });
    expect(nextCrmStep(retry, 3, now, () => 0)).toMatchObject({ kind: "retry", at: new Date(now.getTime() + 4000) });
  });

  it(`gives up after attempt ${MAX_CRM_ATTEMPTS}, keeping the last status`, () => {
    expect(nextCrmStep(retry, MAX_CRM_ATTEMPTS - 1, now).kind).toBe("retry");
    expect(nextCrmStep(retry, MAX_CRM_ATTEMPTS, now)).toEqual({ kind: "dead", statusCode: 503, error: `gave up after ${MAX_CRM_ATTEMPTS} attempts: HTTP 503` });
  });

  it("delivered and dead are final whatever the attempt", () => {
    expect(nextCrmStep({ kind: "delivered", statusCode: 200 }, 8, now)).toEqual({ kind: "delivered", statusCode: 200 });
    expect(nextCrmStep({ kind: "dead", statusCode: 410, error: "HTTP 410" }, 1, now)).toEqual({ kind: "dead", statusCode: 410, error: "HTTP 410" });
  });
});

describe("usableEndpoint", () => {
  it("accepts an https URL with a whsec_ secret", () => {
    expect(usableEndpoint({ url: "https://crm.example/hooks", secret })).toEqual({ url: "https://crm.example/hooks", secret });
  });

  it.each([
    [null, "No CRM webhook URL"],
    [{ url: "crm.example/hooks", secret }, "not a valid address"],
    [{ url: "ftp://crm.example/hooks", secret }, "must start with https://"],
    [{ url: "https://crm.example/hooks", secret: null }, "No CRM signing secret"],
    [{ url: "https://crm.example/hooks", secret: "whsec_not base64!" }, "not a valid whsec_ secret"],
  ])("%j cannot be posted to", (endpoint, problem) => {
    expect(usableEndpoint(endpoint)).toEqual({ problem: expect.stringContaining(problem) });
  });
});

describe("postCrmEvent against a local receiver", () => {
  let server: Server;
  let base = "";
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? "");
      if (req.url === "/ok") res.writeHead(204).end();
      else if (req.url === "/down") res.writeHead(503).end("maintenance until 9pm");
      else if (req.url === "/gone") res.writeHead(410).end();
      else if (req.url === "/moved") res.writeHead(302, { location: `${base}/ok` }).end();
      else if (req.url === "/big") res.writeHead(500).end("x".repeat(100_000));
      // "/silent": never answers.
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  // The receiver is on loopback: exempt it the way CRM_ALLOW_PRIVATE_HOSTS=127.0.0.1 would.
  const policy = crmNetworkPolicy({ NODE_ENV: "test", CRM_ALLOW_PRIVATE_HOSTS: "127.0.0.1" });
  const post = (path: string, timeoutMs?: number) => postCrmEvent(signCrmRequest({ url: `${base}${path}`, secret, eventId: "msg_1", body, at: new Date() }), { timeoutMs, policy });

  it("204 is delivered", async () => {
    expect(await post("/ok")).toEqual({ kind: "delivered", statusCode: 204 });
  });

  it("503 is retried; only the status code is kept, never what the receiver wrote", async () => {
    expect(await post("/down")).toEqual({ kind: "retry", statusCode: 503, error: "HTTP 503" });
  });

  it("a huge error body is never read", async () => {
    expect(await post("/big")).toEqual({ kind: "retry", statusCode: 500, error: "HTTP 500" });
  });

  it("410 is dead", async () => {
    expect(await post("/gone")).toEqual({ kind: "dead", statusCode: 410, error: "HTTP 410" });
  });

  it("a redirect is not followed: the signed event never reaches another address", async () => {
    hits.length = 0;
    expect(await post("/moved")).toMatchObject({ kind: "dead", statusCode: 302 });
    expect(hits).toEqual(["/moved"]);
  });

  it("a receiver that never answers is retried after the timeout", async () => {
    expect(await post("/silent", 200)).toEqual({ kind: "retry", statusCode: null, error: "timed out: no answer within 0.2 s" });
  });

  it('a refused connection is retried as "could not connect", without the socket\'s error code', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const request = signCrmRequest({ url: `http://127.0.0.1:${port}/`, secret, eventId: "msg_1", body, at: new Date() });
    expect(await postCrmEvent(request, { policy })).toEqual({ kind: "retry", statusCode: null, error: "could not connect" });
  });

  it("without the exemption the same receiver is refused before any connection", async () => {
    hits.length = 0;
    const strict = crmNetworkPolicy({ NODE_ENV: "test" });
    const request = signCrmRequest({ url: `${base}/ok`, secret, eventId: "msg_1", body, at: new Date() });
    expect(await postCrmEvent(request, { policy: strict })).toMatchObject({
      kind: "dead",
      statusCode: null,
      unsafe: true,
      error: expect.stringMatching(/^refused: private address/),
    });
    const https = signCrmRequest({ url: base.replace("http://127.0.0.1", "https://localhost") + "/ok", secret, eventId: "msg_1", body, at: new Date() });
    expect(await postCrmEvent(https, { policy: strict })).toMatchObject({ kind: "dead", unsafe: true });
    expect(hits).toEqual([]);
  });
});
