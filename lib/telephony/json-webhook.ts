// The front door of the JSON phone systems (OpenPhone / Quo, Aircall, generic): size limit → raw
// body → JSON → find the organization by the dialled number → its secret → verify → translate →
// record. Nothing is stored before the signature checks out.
import { getDb } from "@/db/client";
import { findLocationByNumber } from "@/db/queries/locations";
import { getOrgSecrets, type OrgSecrets } from "@/db/queries/organizations";
import { AppError, errorResponse } from "@/lib/errors";
import { env, type Env } from "@/lib/env";
import { readJsonBody } from "@/lib/http/body";
import { dispatchText } from "@/lib/messaging/outbox";
import { toE164 } from "@/lib/phone";
import { recordCallEvent } from "@/lib/recovery/record-call";
import type { CallEvent, Provider } from "./call-event";
import type { Defer } from "./twilio/webhook";

export type Verification = { ok: true } | { ok: false; reason: string };

/** What a provider's webhook means, once verified. */
export type ParsedWebhook =
  | { kind: "call"; event: CallEvent }
  | { kind: "ignored"; reason: string }
  | { kind: "invalid"; message: string };

export type ProviderAdapter = {
  provider: Provider;
  /** The number the caller dialled, as the provider wrote it (read before verification, to find the org). */
  dialledNumber: (body: unknown) => string | null;
  /** The secret to verify with: the organization's own, else the environment's. */
  secret: (org: OrgSecrets | null, env: Env) => string | undefined;
  verify: (input: { rawBody: string; headers: Headers; secret: string; body: unknown; now: Date }) => Verification;
  parse: (body: unknown, now: Date) => ParsedWebhook;
};

export async function handleJsonWebhook(request: Request, defer: Defer, adapter: ProviderAdapter): Promise<Response> {
  try {
    const { rawBody, body } = await readJsonBody(request);
    const now = new Date();
    const db = await getDb();
    const dialled = toE164(adapter.dialledNumber(body));
    const location = dialled ? await findLocationByNumber(db, { e164: dialled }) : null;
    const org = location ? await getOrgSecrets(db, { orgId: location.location.orgId }) : null;
    const secret = adapter.secret(org, env());
    if (!secret) throw new AppError("not_configured", `No ${adapter.provider} webhook secret is configured, so the request cannot be verified.`);
    const verdict = adapter.verify({ rawBody, headers: request.headers, secret, body, now });
    if (!verdict.ok) throw new AppError("unauthorized", `Signature check failed: ${verdict.reason}`);

    const parsed = adapter.parse(body, now);
    if (parsed.kind === "invalid") throw new AppError("bad_request", parsed.message);
    if (parsed.kind === "ignored") return Response.json({ ok: true, ignored: parsed.reason });
    const result = await recordCallEvent(parsed.event, now);
    if (result.status === "recorded" && result.dispatchNow) {
      const messageId = result.dispatchNow;
      defer(() => dispatchText(messageId));
    }
    return Response.json({ ok: true, result: result.status });
  } catch (error) {
    return errorResponse(error, adapter.provider);
  }
}
