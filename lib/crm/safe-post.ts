// One POST to a spa's CRM that can only reach the public internet. The host is resolved by our own
// lookup, every address it returns is checked, and the socket connects to exactly the address that
// was checked (no second resolution a rebinding DNS server could answer differently). Redirects are
// never followed, the remote body is never read, and a failure is reported as a class, not as the
// socket's error code: neither can be used to read or map a private network.
import { lookup as dnsLookup } from "node:dns/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { codeOf } from "@/lib/integrations/safe-error";
import { unbracket } from "./address-policy";
import { addressAllowed, checkCrmUrlShape, isUnsafeUrlProblem, type CrmNetworkPolicy } from "./url-policy";

export type ResolvedAddress = { address: string; family: number };
/** Resolves a host name to every address it has (injectable for tests of rebinding). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export type PostFailure = "timeout" | "unsafe_address" | "tls" | "connect" | "not_https";
export type PostOutcome = { kind: "answered"; statusCode: number } | { kind: "failed"; failure: PostFailure };

type HostCheck = { ok: true; addresses: ResolvedAddress[] } | { ok: false; problem: "unsafe_address" | "not_found" };

/**
 * Every address of the host must be allowed: one private address among public ones is how a
 * rebinding or split-horizon answer would slip through, so it refuses the whole name.
 */
export async function resolvePublicHost(hostname: string, policy: CrmNetworkPolicy, resolve: Resolver = systemResolver): Promise<HostCheck> {
  const bare = unbracket(hostname);
  const family = isIP(bare);
  if (family) return addressAllowed(bare, policy).allowed ? { ok: true, addresses: [{ address: bare, family }] } : { ok: false, problem: "unsafe_address" };
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(bare);
  } catch {
    return { ok: false, problem: "not_found" };
  }
  if (!addresses.length) return { ok: false, problem: "not_found" };
  return addresses.every((a) => addressAllowed(a.address, policy).allowed) ? { ok: true, addresses } : { ok: false, problem: "unsafe_address" };
}

/** The lookup the socket uses: it answers only with addresses that passed the check. */
function checkedLookup(policy: CrmNetworkPolicy, resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    resolvePublicHost(hostname, policy, resolve).then(
      (check) => {
        if (!check.ok) {
          const error = Object.assign(new Error(check.problem), { code: check.problem === "not_found" ? "ENOTFOUND" : "EUNSAFE" });
          callback(error, "", 0);
          return;
        }
        const wanted = options.family === 4 || options.family === 6 ? check.addresses.filter((a) => a.family === options.family) : check.addresses;
        if (!wanted.length) {
          callback(Object.assign(new Error("no address of the requested family"), { code: "ENOTFOUND" }), "", 0);
          return;
        }
        if (options.all) (callback as unknown as (e: null, all: ResolvedAddress[]) => void)(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: unknown) => callback(Object.assign(new Error(String(error)), { code: "ENOTFOUND" }), "", 0),
    );
  };
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$|HOSTNAME_MISMATCH)/;

function classifyPostError(error: unknown): PostFailure {
  const code = codeOf(error) ?? "";
  if (code === "EUNSAFE") return "unsafe_address";
  if (TLS_CODE.test(code)) return "tls";
  return "connect";
}

export async function safePost(
  input: { url: string; headers: Record<string, string>; body: string },
  { timeoutMs, policy, resolve = systemResolver }: { timeoutMs: number; policy: CrmNetworkPolicy; resolve?: Resolver },
): Promise<PostOutcome> {
  const shape = checkCrmUrlShape(input.url, policy);
  if (!shape.ok) return { kind: "failed", failure: isUnsafeUrlProblem(shape.problem) ? "unsafe_address" : "not_https" };
  const { url } = shape;
  // An IP literal never goes through `lookup`: check it here (checkCrmUrlShape did) and connect to it as is.
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<PostOutcome>((resolvePromise) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePromise(outcome);
    };
    const req = request(
      url,
      {
        method: "POST",
        headers: { ...input.headers, "content-length": String(Buffer.byteLength(input.body)) },
        lookup: checkedLookup(policy, resolve),
        agent: false, // no pooled socket: every request is resolved and checked afresh
      },
      (response: IncomingMessage) => {
        finish({ kind: "answered", statusCode: response.statusCode ?? 0 });
        response.destroy(); // the remote body is never read, stored or shown
        req.destroy();
      },
    );
    const timer = setTimeout(() => {
      finish({ kind: "failed", failure: "timeout" });
      req.destroy();
    }, timeoutMs);
    req.on("error", (error) => finish({ kind: "failed", failure: classifyPostError(error) }));
    req.end(input.body);
  });
}
