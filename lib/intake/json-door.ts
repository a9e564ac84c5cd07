// The front door of the JSON phone systems (OpenPhone / Quo, Aircall, generic): size limit → raw
// body → JSON → find the organization by the spa's number (called or texted, or calling or texting
// out) → verify with THAT organization's own secret for this provider → the number must be
// registered with this provider → translate (a call, or a text) → ONE insert into the intake's
// ledger → answer; processing runs right after (lib/intake/process-batch.ts).
// Nothing is stored before the signature checks out, so nobody without the organization's secret
// can write anything (not even a refusal) into its log.
import { getDb } from "@/db/client";
import { findNumberOwner, storeForOrg } from "@/db/queries/inbound-events";
import { getOrgSecrets } from "@/db/queries/organizations";
import { AppError, errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { acceptedSecrets, NO_SECRET } from "@/lib/integrations/secrets";
import { toE164 } from "@/lib/phone";
import type { ProviderAdapter } from "@/lib/telephony/provider-adapter";
import { providerMismatchMessage, refusedProvider } from "@/lib/telephony/provider-rule";
import type { Defer } from "@/lib/server/defer";
import { rowOf } from "./inbound-event";
import { processInbound } from "./process-batch";

/** When each provider last logged an unknown number: unauthenticated posts must not flood the log. */
const lastUnknownWarning = new Map<string, { at: number; suppressed: number }>();
const UNKNOWN_WARNING_EVERY_MS = 60_000;

function warnUnknownNumber(provider: string, now: Date): void {
  const last = lastUnknownWarning.get(provider);
  if (last && now.getTime() - last.at < UNKNOWN_WARNING_EVERY_MS) {
    last.suppressed += 1;
    return;
  }
  const more = last?.suppressed ? ` (${last.suppressed} more in the last minute)` : "";
  console.warn(`[${provider}] event for a number no organization holds; ignored, nothing stored${more}`);
  lastUnknownWarning.set(provider, { at: now.getTime(), suppressed: 0 });
}

export async function handleJsonWebhook(request: Request, defer: Defer, adapter: ProviderAdapter): Promise<Response> {
  try {
    const { rawBody, body } = await readJsonBody(request);
    const now = new Date();
    const db = await getDb();
    const dialled = toE164(adapter.dialledNumber(body));
    if (!dialled) {
      // Which organization's secret would verify it cannot be told: say what is missing (the
      // parser names the field; it only reads the body), store nothing.
      const parsed = adapter.parse(body, now);
      throw new AppError("bad_request", parsed.kind === "invalid" ? parsed.message : "The event names no dialled number, so it cannot be verified; nothing was stored.");
    }
    // The lighter read of the number's holder (not its whole location context): this is before the answer.
    const owner = await findNumberOwner({ e164: dialled });
    if (!owner) {
      // No organization holds this number, so no secret can verify the request: whatever it says
      // is unauthenticated. It is acknowledged (a provider retrying it would change nothing) and
      // only logged: storing it would let anyone fill the database without a secret.
      warnUnknownNumber(adapter.provider, now);
      return Response.json({ ok: true, ignored: "unknown number" });
    }
    const { orgId } = owner;
    const secrets = (await getOrgSecrets({ orgId }))?.[adapter.provider] ?? NO_SECRET;
    const accepted = acceptedSecrets(secrets, now);
    if (accepted.length === 0) {
      throw new AppError("integration_off", `This number's organization has not turned on ${adapter.provider} webhooks in Settings → Integrations, so they are refused.`);
    }
    const verdicts = accepted.map((secret) => adapter.verify({ rawBody, headers: request.headers, secret, body, now }));
    const verdict = verdicts.find((v) => v.ok) ?? verdicts[0]!;
    if (!verdict.ok) throw new AppError("unauthorized", `Signature check failed: ${verdict.reason}`);

    // Verified with this organization's own secret: from here on, the organization itself is posting.
    if (await refusedProvider(db, owner, adapter.provider)) {
      throw new AppError("provider_mismatch", providerMismatchMessage({ numberProvider: owner.provider, posting: adapter.provider }));
    }

    const parsed = adapter.parse(body, now);
    if (parsed.kind === "invalid") throw new AppError("bad_request", parsed.message);
    if (parsed.kind === "ignored") return Response.json({ ok: true, ignored: parsed.reason });
    // The call or text must land on the number the signature was checked for, never on one another
    // organization holds (each parser reads its number from the field dialledNumber reads; this holds them to it).
    const line = parsed.kind === "call" ? parsed.event.to : parsed.line;
    if (line !== owner.e164) {
      throw new AppError("bad_request", "The event's number does not match the number it was verified for.");
    }
    const event = parsed.kind === "call" ? ({ kind: "call", call: parsed.event } as const) : parsed.text;
    const stored = await storeForOrg({ orgId, event: rowOf(event, adapter.provider, parsed.eventId) });
    if (stored) defer(processInbound);
    // "recorded": in the ledger (what it does to the call shows after processing); "duplicate": a repeated delivery.
    return Response.json({ ok: true, result: stored ? "recorded" : "duplicate" });
  } catch (error) {
    return errorResponse(error, adapter.provider);
  }
}
