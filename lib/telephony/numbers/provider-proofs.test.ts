// The Quo and Aircall proofs against a small local server answering in each provider's shape
// (docs/proven-numbers.md#quo-phone-numbers, #aircall-numbers): what is sent, what is matched.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { proveOnAircall } from "./aircall-proof";
import { proveOnQuo } from "./quo-proof";

type Seen = { url: string; headers: IncomingHttpHeaders };
let server: Server;
let base: string;
let seen: Seen[] = [];
let answer: (url: URL) => { status: number; body: unknown } = () => ({ status: 404, body: {} });

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? "", headers: req.headers });
    const { status, body } = answer(new URL(req.url ?? "/", "http://x"));
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

const quoNumber = (id: string, number: string, US: "restricted" | "unrestricted" = "unrestricted") => ({
  id,
  groupId: "PG123",
  formattedNumber: number,
  name: "Front desk",
  number,
  users: [],
  restrictions: { calling: { US: "unrestricted", CA: "unrestricted", Intl: "restricted" }, messaging: { US, CA: "unrestricted", Intl: "restricted" } },
});

describe("proveOnQuo", () => {
  it("sends the raw API key (no Bearer) and stores the PN id of the exact number", async () => {
    answer = () => ({ status: 200, body: { data: [quoNumber("PNnear", "+131055501700"), quoNumber("PNabc123", "+13105550170")] } });
    expect(await proveOnQuo({ apiKey: "quo-key-1234", apiBase: base }, "+13105550170")).toEqual({
      kind: "checked",
      status: "proven",
      detail: "Proven on Quo.",
      providerNumberId: "PNabc123",
      twilioOrigin: null,
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe("/v1/phone-numbers");
    expect(seen[0]!.headers.authorization).toBe("quo-key-1234");
  });

  it("a number whose US messaging is restricted cannot text", async () => {
    answer = () => ({ status: 200, body: { data: [quoNumber("PNabc123", "+13105550170", "restricted")] } });
    const outcome = await proveOnQuo({ apiKey: "k", apiBase: base }, "+13105550170");
    expect(outcome).toMatchObject({ kind: "checked", status: "cannot_text", providerNumberId: "PNabc123" });
    expect(outcome.kind === "checked" && outcome.detail).toMatch(/^This number cannot text: Quo restricts its messaging/);
  });

  it("a number not in the workspace is not found", async () => {
    answer = () => ({ status: 200, body: { data: [quoNumber("PNother", "+13105550999")] } });
    expect(await proveOnQuo({ apiKey: "k", apiBase: base }, "+13105550170")).toMatchObject({ status: "not_found", providerNumberId: null });
  });

  it("an error or a refused key is a failure, not a verdict", async () => {
    answer = () => ({ status: 503, body: {} });
    expect(await proveOnQuo({ apiKey: "k", apiBase: base }, "+13105550170")).toEqual({ kind: "failed", error: "Quo answered HTTP 503" });
    answer = () => ({ status: 401, body: { message: "Unauthorized" } });
    expect(await proveOnQuo({ apiKey: "k", apiBase: base }, "+13105550170")).toMatchObject({ kind: "failed", error: expect.stringMatching(/^Quo refused the API credentials/) });
  });
});

/** Aircall's list: 50 numbers a page, formatted digits, meta with a next page link until the last. */
function aircallPages(all: { id: number; digits: string }[]) {
  return (url: URL) => {
    const page = Number(url.searchParams.get("page") ?? 1);
    const perPage = Number(url.searchParams.get("per_page") ?? 20);
    const numbers = all.slice((page - 1) * perPage, page * perPage).map((n) => ({ ...n, name: "Line", country: "US", time_zone: "America/Los_Angeles", open: true }));
    const last = page * perPage >= all.length;
    const link = (p: number) => `https://api.aircall.io/v1/numbers?page=${p}&per_page=${perPage}`;
    return {
      status: 200,
      body: {
        numbers,
        meta: {
          count: numbers.length,
          total: all.length,
          current_page: page,
          per_page: perPage,
          next_page_link: last ? null : link(page + 1),
          previous_page_link: page > 1 ? link(page - 1) : null,
        },
      },
    };
  };
}

describe("proveOnAircall", () => {
  const others = Array.from({ length: 60 }, (_, i) => ({ id: 1000 + i, digits: `+1 212-555-${String(1000 + i)}` }));

  it("walks the pages, 50 at a time with Basic auth, and matches formatted digits exactly", async () => {
    answer = aircallPages([...others, { id: 1234, digits: "+1 310-555-01709" }, { id: 4321, digits: "+1 310-555-0170" }]);
    expect(await proveOnAircall({ apiId: "id1", apiToken: "tok", apiBase: base }, "+13105550170")).toEqual({
      kind: "checked",
      status: "proven",
      detail: "Proven on Aircall.",
      providerNumberId: "4321",
      twilioOrigin: null,
    });
    expect(seen.map((s) => s.url)).toEqual(["/v1/numbers?page=1&per_page=50", "/v1/numbers?page=2&per_page=50"]);
    expect(seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from("id1:tok").toString("base64")}`);
  });

  it("a number on no page is not found", async () => {
    answer = aircallPages(others);
    expect(await proveOnAircall({ apiId: "id1", apiToken: "tok", apiBase: base }, "+13105550170")).toMatchObject({ status: "not_found" });
    expect(seen).toHaveLength(2);
  });

  it("an error on a later page is a failure", async () => {
    const pages = aircallPages(others);
    answer = (url) => (url.searchParams.get("page") === "2" ? { status: 500, body: { error: "Internal" } } : pages(url));
    expect(await proveOnAircall({ apiId: "id1", apiToken: "tok", apiBase: base }, "+13105550170")).toEqual({ kind: "failed", error: "Aircall answered HTTP 500 (Internal)" });
  });
});
