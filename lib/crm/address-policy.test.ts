// The SSRF table: which literal addresses an outgoing CRM webhook may connect to. Pure.
import { describe, expect, it } from "vitest";
import { classifyAddress, isInternalHostName, type BlockedKind } from "./address-policy";

const refused: [string, BlockedKind][] = [
  // IPv4
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["10.0.0.1", "private"],
  ["10.255.255.255", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.254", "private"],
  ["192.168.1.1", "private"],
  ["169.254.0.1", "link_local"],
  ["169.254.169.254", "metadata"],
  ["169.254.170.2", "metadata"],
  ["100.64.0.1", "cgnat"],
  ["100.127.255.254", "cgnat"],
  ["100.100.100.200", "metadata"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["255.255.255.255", "broadcast"],
  ["240.0.0.1", "reserved"],
  ["192.0.2.10", "reserved"],
  ["198.18.0.1", "reserved"],
  // IPv6
  ["::", "unspecified"],
  ["::1", "loopback"],
  ["0:0:0:0:0:0:0:1", "loopback"],
  ["fc00::1", "unique_local"],
  ["fd12:3456:789a::1", "unique_local"],
  ["fd00:ec2::254", "metadata"],
  ["fe80::1", "link_local"],
  ["fe80::1%eth0", "link_local"],
  ["febf:ffff::1", "link_local"],
  ["fec0::1", "private"],
  ["ff02::1", "multicast"],
  ["2001:db8::1", "reserved"],
  ["2001::1", "reserved"], // Teredo
  ["100::1", "reserved"], // discard prefix
  // IPv4 carried inside IPv6
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["::ffff:10.1.2.3", "private"],
  ["::ffff:169.254.169.254", "metadata"],
  ["::ffff:a9fe:a9fe", "metadata"],
  ["0:0:0:0:0:ffff:192.168.0.1", "private"],
  ["::127.0.0.1", "loopback"], // IPv4-compatible
  ["::ffff:0:10.0.0.1", "private"], // IPv4-translated
  ["64:ff9b::10.0.0.1", "private"], // NAT64
  ["64:ff9b::a9fe:a9fe", "metadata"],
  ["2002:7f00:1::", "loopback"], // 6to4 of 127.0.0.1
  ["2002:c0a8:101::1", "private"], // 6to4 of 192.168.1.1
  ["[::1]", "loopback"], // as a URL writes it
];

const allowed = [
  "1.1.1.1",
  "8.8.8.8",
  "93.184.216.34",
  "172.15.255.255", // just below 172.16/12
  "172.32.0.1", // just above it
  "100.63.255.255", // just below CGNAT
  "100.128.0.1", // just above it
  "169.253.255.255",
  "11.0.0.1",
  "2606:4700:4700::1111",
  "2a00:1450:4001:80b::200e",
  "::ffff:8.8.8.8",
  "64:ff9b::808:808",
  "2002:808:808::1", // 6to4 of 8.8.8.8
];

describe("classifyAddress", () => {
  it.each(refused)("%s is refused as %s", (address, kind) => {
    expect(classifyAddress(address)).toEqual({ allowed: false, kind });
  });

  it.each(allowed)("%s is on the public internet", (address) => {
    expect(classifyAddress(address)).toEqual({ allowed: true });
  });

  it.each(["localhost", "127.1", "0x7f000001", "1.2.3.256", "::ffff:1.2.3.256", "1::2::3", "", "fe80:::1"])("%j is not a literal address and is refused", (text) => {
    expect(classifyAddress(text)).toEqual({ allowed: false, kind: "not_an_address" });
  });

  it("the table is the size the issue asks for", () => {
    expect(refused.length + allowed.length).toBeGreaterThanOrEqual(25);
  });
});

describe("isInternalHostName", () => {
  it.each(["localhost", "LOCALHOST.", "metadata", "metadata.google.internal", "metadata.goog", "api.localhost", "printer.local", "db.internal", "nas.home.arpa", "intranet"])(
    "%s is never the public internet",
    (name) => expect(isInternalHostName(name)).toBe(true),
  );
  it.each(["hooks.zapier.com", "crm.example.com", "api.hubspot.com"])("%s may be", (name) => expect(isInternalHostName(name)).toBe(false));
});
