// Where a spa's CRM webhook may point: an https:// address on the public internet. Checked when the
// owner saves the URL (shape, then DNS) and again at every connection (safe-post.ts), because what a
// name resolves to can change between the two.
//
// Two exceptions, both off unless asked for:
// - NODE_ENV=development: plain http and loopback addresses (a CRM stand-in on localhost);
// - CRM_ALLOW_PRIVATE_HOSTS=127.0.0.1,10.0.0.0/8 (IP addresses or CIDR ranges), for tests that
//   point the webhook at a local receiver (the integration tests, and the browser tests' `next
//   start`). Never set in a real deployment: start-up warns when it is set in production.
import { BlockList, isIP } from "node:net";
import { classifyAddress, isInternalHostName, unbracket, type BlockedKind } from "./address-policy";

export type CrmNetworkPolicy = {
  /** Plain http is accepted only to a host this policy exempts (loopback in development, the allow-list). */
  exempt: (address: string) => boolean;
};

export const ALLOW_PRIVATE_ENV = "CRM_ALLOW_PRIVATE_HOSTS";

function allowList(raw: string | undefined): BlockList | null {
  if (!raw?.trim()) return null;
  const list = new BlockList();
  for (const entry of raw
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address = "", bits] = entry.split("/");
    const family = isIP(address);
    if (!family) continue;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

const isLoopback = (address: string) => {
  const verdict = classifyAddress(address);
  return !verdict.allowed && verdict.kind === "loopback";
};

/** Read per call, so a test can set the allowance for one file without restarting anything. */
export function crmNetworkPolicy(env: Record<string, string | undefined> = process.env): CrmNetworkPolicy {
  const list = allowList(env[ALLOW_PRIVATE_ENV]);
  const development = env.NODE_ENV === "development";
  return {
    exempt: (address) => {
      const bare = unbracket(address);
      const family = isIP(bare);
      if (!family) return false;
      if (development && isLoopback(bare)) return true;
      return list?.check(bare, family === 4 ? "ipv4" : "ipv6") ?? false;
    },
  };
}

/** An address the webhook may connect to under this policy. */
export function addressAllowed(address: string, policy: CrmNetworkPolicy): { allowed: true } | { allowed: false; kind: BlockedKind } {
  if (policy.exempt(address)) return { allowed: true };
  return classifyAddress(address);
}

export type UrlProblem = "invalid" | "not_https" | "credentials" | "internal_host" | "unsafe_address";
export type UrlCheck = { ok: true; url: URL } | { ok: false; problem: UrlProblem };

/** The checks that need no DNS: scheme, credentials, and a host that is plainly not public. */
export function checkCrmUrlShape(raw: string, policy: CrmNetworkPolicy): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: "invalid" };
  }
  if (url.username || url.password) return { ok: false, problem: "credentials" };
  // The URL parser has already normalised 0x7f.1, 2130706433 and friends to 127.0.0.1.
  const host = unbracket(url.hostname);
  const literal = isIP(host) !== 0;
  const exemptHost = literal ? policy.exempt(host) : host === "localhost" && policy.exempt("127.0.0.1");
  if (exemptHost) return url.protocol === "https:" || url.protocol === "http:" ? { ok: true, url } : { ok: false, problem: "not_https" };
  if (literal && !addressAllowed(host, policy).allowed) return { ok: false, problem: "unsafe_address" };
  if (!literal && isInternalHostName(host)) return { ok: false, problem: "internal_host" };
  if (url.protocol !== "https:") return { ok: false, problem: "not_https" };
  return { ok: true, url };
}

/** What the owner reads next to the field. */
export const URL_PROBLEM_TEXT: Record<UrlProblem, string> = {
  invalid: "That is not a valid web address.",
  not_https: "Use an https:// address on the public internet.",
  credentials: "Leave the user name and password out of the address: Rebound signs every event instead.",
  internal_host: "Use an https:// address on the public internet.",
  unsafe_address: "Use an https:// address on the public internet.",
};

/** A problem that means the address points inside a network (an attack on the platform, logged). */
export const isUnsafeUrlProblem = (problem: UrlProblem): boolean => problem === "unsafe_address" || problem === "internal_host";
