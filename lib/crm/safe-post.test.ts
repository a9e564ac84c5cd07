// The connection itself: names are resolved once, by our lookup, and the socket goes to the
// address that was checked. A rebinding DNS answer (public when the URL was saved, loopback now)
// never reaches a private service.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolvePublicHost, safePost, type Resolver } from "./safe-post";
import { crmNetworkPolicy } from "./url-policy";

const strict = crmNetworkPolicy({ NODE_ENV: "test" });
const loopbackExempt = crmNetworkPolicy({ NODE_ENV: "test", CRM_ALLOW_PRIVATE_HOSTS: "127.0.0.1" });

/** A scripted DNS server: each lookup takes the next answer. */
function scriptedResolver(...answers: string[][]): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    const next = answers.shift() ?? [];
    if (!next.length) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return next.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

describe("resolvePublicHost", () => {
  it("accepts a name whose every address is public", async () => {
    expect(await resolvePublicHost("crm.example.com", strict, scriptedResolver(["93.184.216.34", "2606:2800:220:1::1"]))).toMatchObject({ ok: true });
  });
  it.each([[["127.0.0.1"]], [["93.184.216.34", "10.0.0.1"]], [["::ffff:169.254.169.254"]], [["fd00:ec2::254"]]])("refuses a name resolving to %j", async (answer) => {
    expect(await resolvePublicHost("crm.example.com", strict, scriptedResolver(answer))).toEqual({ ok: false, problem: "unsafe_address" });
  });
  it("a name that does not resolve is not found", async () => {
    expect(await resolvePublicHost("nowhere.example.com", strict, scriptedResolver([]))).toEqual({ ok: false, problem: "not_found" });
  });
});

describe("safePost", () => {
  let server: Server;
  let port = 0;
  const hits: { url: string; host: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push({ url: req.url ?? "", host: req.headers.host ?? "" });
      if (req.url === "/redirect") res.writeHead(307, { location: "http://127.0.0.1/admin" }).end();
      else res.writeHead(200).end("db_password=hunter2");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const post = (url: string, options: Parameters<typeof safePost>[1]) => safePost({ url, headers: { "content-type": "application/json" }, body: "{}" }, options);

  it("connects to the very address its lookup checked (the name is not resolved twice)", async () => {
    hits.length = 0;
    const resolve = scriptedResolver(["127.0.0.1"], ["8.8.8.8"]);
    // (Plain http to a name is allowed only for `localhost` under the exemption; the lookup is still ours.)
    expect(await post(`http://localhost:${port}/hook`, { timeoutMs: 2000, policy: loopbackExempt, resolve })).toEqual({ kind: "answered", statusCode: 200 });
    expect(resolve.calls).toEqual(["localhost"]);
    expect(hits).toEqual([{ url: "/hook", host: `localhost:${port}` }]);
  });

  it("DNS rebinding: public when saved, loopback when connecting → refused, nothing reaches the service", async () => {
    hits.length = 0;
    const resolve = scriptedResolver(["93.184.216.34"], ["127.0.0.1"]);
    expect(await resolvePublicHost("rebind.example.com", strict, resolve)).toMatchObject({ ok: true }); // the save-time check
    expect(await post(`https://rebind.example.com:${port}/admin/debug`, { timeoutMs: 2000, policy: strict, resolve })).toEqual({ kind: "failed", failure: "unsafe_address" });
    expect(hits).toEqual([]);
  });

  it("an IP literal is checked without any lookup", async () => {
    hits.length = 0;
    const resolve = scriptedResolver();
    expect(await post(`http://127.0.0.1:${port}/admin/debug`, { timeoutMs: 2000, policy: strict, resolve })).toEqual({ kind: "failed", failure: "unsafe_address" });
    expect(await post(`https://[::ffff:7f00:1]:${port}/`, { timeoutMs: 2000, policy: strict, resolve })).toEqual({ kind: "failed", failure: "unsafe_address" });
    expect(resolve.calls).toEqual([]);
    expect(hits).toEqual([]);
  });

  it("a redirect is reported, never followed", async () => {
    hits.length = 0;
    expect(await post(`http://127.0.0.1:${port}/redirect`, { timeoutMs: 2000, policy: loopbackExempt })).toEqual({ kind: "answered", statusCode: 307 });
    expect(hits.map((h) => h.url)).toEqual(["/redirect"]);
  });

  it("TLS to a plain-http port is a TLS error, not a socket code", async () => {
    expect(await post(`https://127.0.0.1:${port}/`, { timeoutMs: 2000, policy: loopbackExempt })).toEqual({ kind: "failed", failure: "tls" });
  });
});
