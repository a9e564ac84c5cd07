import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress } from "./client-address";

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
