// Which IP addresses an outgoing CRM webhook may connect to: only the public internet. Pure: the
// connect-time check (safe-post.ts) and the save-time check (url-policy.ts) both ask this module.
// IPv6 is read group by group; an IPv4 address carried inside IPv6 (mapped ::ffff:a.b.c.d,
// IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged as that IPv4 address.
import { isIP } from "node:net";

export type BlockedKind = "unspecified" | "loopback" | "private" | "link_local" | "cgnat" | "unique_local" | "metadata" | "multicast" | "broadcast" | "reserved" | "not_an_address";

export type AddressVerdict = { allowed: true } | { allowed: false; kind: BlockedKind };

const ALLOWED: AddressVerdict = { allowed: true };
const blocked = (kind: BlockedKind): AddressVerdict => ({ allowed: false, kind });

/** Cloud metadata services reachable from inside an instance (AWS, GCP, Azure, Alibaba, AWS IPv6). */
const METADATA_V4 = new Set(["169.254.169.254", "169.254.170.2", "100.100.100.200"]);

type V4Range = { base: number; bits: number; kind: BlockedKind };

const v4 = (cidr: string, kind: BlockedKind): V4Range => {
  const [address, bits] = cidr.split("/");
  return { base: ipv4ToInt(address ?? "") ?? 0, bits: Number(bits), kind };
};

// Most specific first where they overlap (255.255.255.255 is inside 240/4).
const V4_BLOCKED: V4Range[] = [
  v4("255.255.255.255/32", "broadcast"),
  v4("0.0.0.0/8", "unspecified"),
  v4("10.0.0.0/8", "private"),
  v4("100.64.0.0/10", "cgnat"),
  v4("127.0.0.0/8", "loopback"),
  v4("169.254.0.0/16", "link_local"),
  v4("172.16.0.0/12", "private"),
  v4("192.0.0.0/24", "reserved"), // IETF protocol assignments
  v4("192.0.2.0/24", "reserved"), // documentation
  v4("192.88.99.0/24", "reserved"), // 6to4 relay anycast
  v4("192.168.0.0/16", "private"),
  v4("198.18.0.0/15", "reserved"), // benchmarking
  v4("198.51.100.0/24", "reserved"), // documentation
  v4("203.0.113.0/24", "reserved"), // documentation
  v4("224.0.0.0/4", "multicast"),
  v4("240.0.0.0/4", "reserved"),
];

function ipv4ToInt(address: string): number | null {
  const parts = address.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

function inV4(value: number, { base, bits }: V4Range): boolean {
  if (bits === 0) return true;
  const size = 2 ** (32 - bits);
  return Math.floor(value / size) === Math.floor(base / size);
}

function classifyV4(value: number, text: string): AddressVerdict {
  if (METADATA_V4.has(text)) return blocked("metadata");
  const range = V4_BLOCKED.find((r) => inV4(value, r));
  return range ? blocked(range.kind) : ALLOWED;
}

const intToV4 = (value: number) => [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");

/** The eight 16-bit groups of an IPv6 address (a zone id such as %eth0 is dropped), or null. */
function ipv6Groups(address: string): number[] | null {
  let text = address.split("%")[0] ?? "";
  // An embedded dotted IPv4 tail becomes two groups.
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (tail?.[1]) {
    const value = ipv4ToInt(tail[1]);
    if (value === null) return null;
    text = `${text.slice(0, -tail[1].length)}${Math.floor(value / 65536).toString(16)}:${(value % 65536).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string | undefined) => (part ? part.split(":").map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN)) : []);
  const head = parse(halves[0]);
  const rest = parse(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...rest];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g)) ? groups : null;
}

function classifyV6(groups: number[]): AddressVerdict {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = (hi: number, lo: number) => {
    const value = hi * 65536 + lo;
    return classifyV4(value, intToV4(value));
  };
  const firstSixZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (firstSixZero && g5 === 0) {
    if (g6 === 0 && g7 === 0) return blocked("unspecified");
    if (g6 === 0 && g7 === 1) return blocked("loopback");
    return embedded(g6, g7); // IPv4-compatible ::a.b.c.d (deprecated, still routed by some stacks)
  }
  if (firstSixZero && g5 === 0xffff) return embedded(g6, g7); // IPv4-mapped
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0xffff && g5 === 0) return embedded(g6, g7); // IPv4-translated
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return embedded(g6, g7); // NAT64
  if (g0 === 0x2002) return embedded(g1, g2); // 6to4 carries the IPv4 address in bits 16–47
  if (g0 === 0xfd00 && g1 === 0x0ec2 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && g6 === 0 && g7 === 0x254) return blocked("metadata");
  if (g0 >= 0xff00) return blocked("multicast");
  if ((g0 & 0xfe00) === 0xfc00) return blocked("unique_local");
  if ((g0 & 0xffc0) === 0xfe80) return blocked("link_local");
  if ((g0 & 0xffc0) === 0xfec0) return blocked("private"); // deprecated site-local
  // Only global unicast (2000::/3) is public; inside it, the IETF blocks that are not.
  if ((g0 & 0xe000) !== 0x2000) return blocked("reserved");
  if (g0 === 0x2001 && g1 < 0x0200) return blocked("reserved"); // 2001::/23 protocol assignments, Teredo
  if (g0 === 0x2001 && g1 === 0x0db8) return blocked("reserved"); // documentation
  if (g0 === 0x3fff && g1 < 0x1000) return blocked("reserved"); // documentation 3fff::/20
  return ALLOWED;
}

/** A host as a URL writes it ("[::1]") without the brackets an IPv6 literal needs there. */
export const unbracket = (host: string): string => host.replace(/^\[(.*)\]$/, "$1");

/** Whether an outgoing CRM webhook may connect to this literal IP address. */
export function classifyAddress(address: string): AddressVerdict {
  const trimmed = unbracket(address.trim());
  const family = isIP(trimmed.split("%")[0] ?? "");
  if (family === 4) {
    const value = ipv4ToInt(trimmed);
    return value === null ? blocked("not_an_address") : classifyV4(value, trimmed);
  }
  if (family === 6) {
    const groups = ipv6Groups(trimmed);
    return groups ? classifyV6(groups) : blocked("not_an_address");
  }
  return blocked("not_an_address");
}

/** Host names that are never the public internet, whatever they resolve to on this machine. */
export function isInternalHostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  if (!name.includes(".")) return true; // "localhost", "metadata", intranet short names
  return (
    ["metadata.google.internal", "metadata.goog"].includes(name) || [".localhost", ".local", ".internal", ".home.arpa", ".lan", ".intranet"].some((suffix) => name.endsWith(suffix))
  );
}
