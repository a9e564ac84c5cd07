import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, installClientAddressHook, normaliseAddress } from "./client-address";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientAddress (TRUST_PROXY_HOPS)", () => {
  it("hops 0: the last entry, which the server hook wrote from the socket", () => {
    expect(clientAddress(xff("198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(xff("6.6.6.6, 198.51.100.7"), 0)).toBe("198.51.100.7");
  });

  it("hops N: the Nth entry from the right; entries a client prepended are ignored", () => {
    // client forged "6.6.6.6"; the load balancer appended the real client; an inner proxy appended the balancer.
    expect(clientAddress(xff("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
    expect(clientAddress(xff("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    // Fewer entries than proxies: the leftmost (the furthest known).
    expect(clientAddress(xff("203.0.113.9"), 3)).toBe("203.0.113.9");
  });

  it("no header: unknown; x-real-ip is never read (anyone can send it)", () => {
    expect(clientAddress(new Headers(), 0)).toBeNull();
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.8" }), 0)).toBeNull();
  });

  it("normalises IPv4-mapped IPv6 and brackets, and keeps garbage in a bucket of its own", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normaliseAddress("x".repeat(200))).toHaveLength(64);
  });
});

/** What a real HTTP server in this process receives when a client sends these headers. */
async function received(headers: Record<string, string>): Promise<IncomingHttpHeaders> {
  let seen: IncomingHttpHeaders = {};
  const server = createServer((req, res) => {
    seen = { ...req.headers };
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/", headers }, (res) => res.resume().on("end", resolve));
    req.on("error", reject).end();
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return seen;
}

describe("the server hook (installed from instrumentation.ts)", () => {
  it("with TRUST_PROXY_HOPS=0 a client's X-Forwarded-For is replaced by the socket's address", async () => {
    // Without the hook the forged header arrives as sent (Next.js then keeps it: `??=`).
    expect((await received({ "x-forwarded-for": "6.6.6.6" }))["x-forwarded-for"]).toBe("6.6.6.6");
    await installClientAddressHook(1); // trusted proxies: nothing changes
    expect((await received({ "x-forwarded-for": "6.6.6.6" }))["x-forwarded-for"]).toBe("6.6.6.6");

    await installClientAddressHook(0);
    const forged = await received({ "x-forwarded-for": "6.6.6.6, 7.7.7.7" });
    expect(forged["x-forwarded-for"]).toBe("127.0.0.1");
    expect(clientAddress(new Headers(forged as Record<string, string>), 0)).toBe("127.0.0.1");
    expect((await received({}))["x-forwarded-for"]).toBe("127.0.0.1");
  });
});
