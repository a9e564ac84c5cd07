// Reading an untrusted request body at the edge of every webhook: at most N bytes (a declared or
// streamed body past the limit is a 413 before anything is parsed or stored), then JSON or form
// decoding with a 400 that says what is wrong. Text that Postgres cannot store (NUL characters,
// unpaired UTF-16 surrogates from a JSON escape) is refused here too, so it can never turn into
// a 500 deep inside a transaction.
import { AppError } from "@/lib/errors";

/** Form posts (Twilio: a few KB; an SMS is at most 1,600 characters). */
export const FORM_BODY_LIMIT_BYTES = 64 * 1024;
/**
 * JSON events. Larger than the form limit because OpenPhone / Quo send every subscribed event to
 * the one URL, and a transcript or summary event of a long call runs to tens of KB: a 413 would
 * make the provider retry it and, after enough failures, disable the webhook, missed calls included.
 */
export const JSON_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * How deeply objects and arrays may nest in a JSON event. Real provider events nest 3 or 4 levels;
 * a body of 100,000 `[` is 100 KB, well under the size limit, and would overflow the stack of any
 * recursive walk (ours, or a parser's) into a 500 before the signature is even checked.
 */
export const JSON_MAX_DEPTH = 64;

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${kb(limit)}, the limit for this webhook; nothing was stored.`);
}

/** The body as text, or a 413 as soon as it is known to be over `limit` bytes (declared or streamed). */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Why a decoded value cannot be stored as text, or null when every string in it can. */
export function unstorableText(value: unknown, path = "body"): string | null {
  if (typeof value === "string") {
    if (value.includes("\u0000")) return `${path} contains a NUL character`;
    if (!value.isWellFormed()) return `${path} contains an unpaired UTF-16 surrogate`;
    return null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = unstorableText(item, `${path}[${index}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const problem = unstorableText(key, `${path} key`) ?? unstorableText(item, `${path}.${key}`);
      if (problem) return problem;
    }
  }
  return null;
}

function assertStorable(value: unknown): void {
  const problem = unstorableText(value);
  if (problem) throw new AppError("bad_request", `The request body cannot be accepted: ${problem}.`);
}

/**
 * The deepest nesting of `{` / `[` in JSON text, counted in one pass without recursion (brackets
 * inside strings do not count). Stops counting once past `max`: the answer is then `max + 1`.
 */
export function jsonNestingDepth(text: string, max = JSON_MAX_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return deepest;
}

/** A JSON body (≤ `limit` bytes) and its raw text, which signatures are computed over. */
export async function readJsonBody(request: Request, limit = JSON_BODY_LIMIT_BYTES): Promise<{ rawBody: string; body: unknown }> {
  const rawBody = await readBodyText(request, limit);
  if (jsonNestingDepth(rawBody) > JSON_MAX_DEPTH) {
    throw new AppError("bad_request", `The JSON body nests deeper than ${JSON_MAX_DEPTH} levels; no phone system sends that. Nothing was stored.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new AppError("bad_request", rawBody.trim() === "" ? "The body is empty; a JSON event was expected." : "The body is not valid JSON.");
  }
  assertStorable(body);
  return { rawBody, body };
}

/** An application/x-www-form-urlencoded body (≤ `limit` bytes) as params. A repeated key keeps its last value. */
export async function readFormBody(request: Request, limit = FORM_BODY_LIMIT_BYTES): Promise<Record<string, string>> {
  const params = Object.fromEntries(new URLSearchParams(await readBodyText(request, limit)));
  assertStorable(params);
  return params;
}
