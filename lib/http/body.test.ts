// The webhook body reader: limits hold whether or not the sender declares a length, and what
// cannot be parsed or stored is a 400 that says why.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { FORM_BODY_LIMIT_BYTES, JSON_BODY_LIMIT_BYTES, JSON_MAX_DEPTH, jsonNestingDepth, readBodyText, readFormBody, readJsonBody, unstorableText } from "./body";

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("https://rebound.test/api/webhooks/x", { method: "POST", headers, body });

/** A body streamed in 16 KB chunks with no Content-Length, as a chunked upload arrives. */
function streamed(totalBytes: number): { request: Request; pulled: () => number } {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(16 * 1024, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
  const request = new Request("https://rebound.test/api/webhooks/x", { method: "POST", body: stream, duplex: "half" } as RequestInit);
  return { request, pulled: () => sent };
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readBodyText", () => {
  it("reads a body of exactly the limit", async () => {
    expect(await readBodyText(post("a".repeat(1024)), 1024)).toHaveLength(1024);
  });

  it("refuses a declared Content-Length over the limit with 413, without reading the body", async () => {
    const request = post("small", { "content-length": String(FORM_BODY_LIMIT_BYTES + 1) });
    const error = await errorOf(readBodyText(request, FORM_BODY_LIMIT_BYTES));
    expect(error.status).toBe(413);
    expect(error.message).toBe("The request body is larger than 64 KB, the limit for this webhook; nothing was stored.");
    expect(request.bodyUsed).toBe(false);
  });

  it("stops reading a chunked body with no Content-Length as soon as it passes the limit", async () => {
    const { request, pulled } = streamed(10 * 1024 * 1024);
    const error = await errorOf(readBodyText(request, FORM_BODY_LIMIT_BYTES));
    expect(error.status).toBe(413);
    expect(pulled()).toBeLessThan(FORM_BODY_LIMIT_BYTES + 64 * 1024);
  });

  it("a Content-Length that understates the body does not get past the limit", async () => {
    const error = await errorOf(readBodyText(post("a".repeat(2048), { "content-length": "10" }), 1024));
    expect(error.status).toBe(413);
  });
});

describe("readJsonBody", () => {
  it("returns the raw text (what signatures cover) and the parsed value", async () => {
    const raw = '{ "type": "call.missed", "to": "+13105550100" }';
    expect(await readJsonBody(post(raw))).toEqual({ rawBody: raw, body: { type: "call.missed", to: "+13105550100" } });
  });

  it("answers 400 for a body that is not JSON, or empty", async () => {
    expect(await errorOf(readJsonBody(post('{"type":')))).toMatchObject({ code: "bad_request", message: "The body is not valid JSON." });
    expect(await errorOf(readJsonBody(post("")))).toMatchObject({ code: "bad_request", message: "The body is empty; a JSON event was expected." });
  });

  it("answers 400 for text Postgres cannot store, naming where it is", async () => {
    const nul = await errorOf(readJsonBody(post('{"data":{"from":"+1310\\u0000"}}')));
    expect(nul).toMatchObject({ code: "bad_request", message: "The request body cannot be accepted: body.data.from contains a NUL character." });
    const surrogate = await errorOf(readJsonBody(post('{"items":["ok","\\ud800"]}')));
    expect(surrogate.message).toBe("The request body cannot be accepted: body.items[1] contains an unpaired UTF-16 surrogate.");
  });

  it("allows JSON events up to 256 KB and refuses larger ones with 413", async () => {
    const fits = JSON.stringify({ transcript: "a".repeat(JSON_BODY_LIMIT_BYTES - 20) });
    expect((await readJsonBody(post(fits))).rawBody).toBe(fits);
    const tooBig = JSON.stringify({ transcript: "a".repeat(JSON_BODY_LIMIT_BYTES) });
    expect((await errorOf(readJsonBody(post(tooBig)))).status).toBe(413);
  });
});

describe("readFormBody", () => {
  it("decodes a Twilio form post", async () => {
    expect(await readFormBody(post("From=%2B13105550111&Body=Hi+there"))).toEqual({ From: "+13105550111", Body: "Hi there" });
  });

  it("refuses a percent-encoded NUL with 400", async () => {
    expect((await errorOf(readFormBody(post("Body=a%00b")))).message).toBe("The request body cannot be accepted: body.Body contains a NUL character.");
  });

  it("refuses a form over 64 KB with 413", async () => {
    expect((await errorOf(readFormBody(post(`Body=${"a".repeat(FORM_BODY_LIMIT_BYTES)}`)))).status).toBe(413);
  });
});

describe("unstorableText", () => {
  it("accepts ordinary text, emoji and accents", () => {
    expect(unstorableText({ name: "Zoë 💆‍♀️", list: ["日本", 1, null, true] })).toBeNull();
  });
});

describe("JSON nesting depth", () => {
  const nested = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;

  it("counts objects and arrays, not brackets inside strings or escaped quotes", () => {
    expect(jsonNestingDepth('{"a":{"b":[1,2,{"c":null}]}}')).toBe(4);
    expect(jsonNestingDepth('{"text":"[[[[{{{{ \\" [[[["}')).toBe(1);
    expect(jsonNestingDepth("42")).toBe(0);
  });

  it("accepts a body nested exactly to the limit", async () => {
    const { body } = await readJsonBody(post(nested(JSON_MAX_DEPTH)));
    expect(Array.isArray(body)).toBe(true);
  });

  it("refuses one level deeper with 400 and says why", async () => {
    const error = await errorOf(readJsonBody(post(nested(JSON_MAX_DEPTH + 1))));
    expect(error.status).toBe(400);
    expect(error.message).toBe(`The JSON body nests deeper than ${JSON_MAX_DEPTH} levels; no phone system sends that. Nothing was stored.`);
  });

  it("refuses 40,000 and 100,000 levels (under the size limit) with 400, not a stack overflow", async () => {
    const body = `${'{"a":'.repeat(40_000)}1${"}".repeat(40_000)}`;
    expect(body.length).toBeLessThan(JSON_BODY_LIMIT_BYTES);
    expect((await errorOf(readJsonBody(post(body)))).status).toBe(400);
    expect((await errorOf(readJsonBody(post(nested(100_000))))).status).toBe(400);
  });
});
