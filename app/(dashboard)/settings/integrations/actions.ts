"use server";

import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireMember } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { TestCallResult } from "@/lib/integrations/describe-test";
import { generateProviderSecret, saveProviderSecret, turnOffProviderSecret } from "@/lib/integrations/provider-secrets";
import { safeErrorSummary } from "@/lib/integrations/safe-error";
import { pastedSecretSchemas, ROTATION_GRACE_MS } from "@/lib/integrations/secrets";
import { sendTestCall } from "@/lib/integrations/test-call";

export type SecretState = { ok?: boolean; message?: string; errors?: { secret?: string[] }; revealed?: string; at?: number };
export type TestEventState = { result?: TestCallResult; at?: number };

const GRACE_HOURS = ROTATION_GRACE_MS / 3_600_000;

const secretRequestSchema = z.object({
  provider: z.enum(["openphone", "aircall", "generic"]),
  intent: z.enum(["save", "generate", "off"]),
});
const testRequestSchema = z.object({ provider: z.enum(["twilio", "openphone", "aircall", "generic"]) });

function failure(error: unknown, what: string): string {
  if (error instanceof AppError) return error.message;
  console.error(`[integrations] ${what} failed: ${safeErrorSummary(error)}`);
  return "That did not work. Try again.";
}

export async function secretAction(_previous: SecretState, formData: FormData): Promise<SecretState> {
  try {
    const member = await requireMember(["owner"]);
    const request = secretRequestSchema.safeParse({ provider: formData.get("provider"), intent: formData.get("intent") });
    if (!request.success) return { ok: false, message: "Unknown request. Reload the page." };
    const { provider, intent } = request.data;
    if (intent === "generate") {
      const { secret, previousUntil } = await generateProviderSecret({ orgId: member.orgId, provider });
      revalidatePath("/settings/integrations");
      const message = previousUntil
        ? `New secret saved. Copy it into your phone system now: it is shown only this once. The old secret keeps working for ${GRACE_HOURS} hours.`
        : "Turned on. Copy this secret into your phone system now: it is shown only this once.";
      return { ok: true, message, revealed: secret, at: Date.now() };
    }
    if (intent === "off") {
      await turnOffProviderSecret({ orgId: member.orgId, provider });
      revalidatePath("/settings/integrations");
      return { ok: true, message: "Turned off. This phone system's webhooks for your numbers are refused until you turn it on again.", at: Date.now() };
    }
    const pasted = pastedSecretSchemas[provider].safeParse(formData.get("secret") ?? "");
    if (!pasted.success) return { ok: false, errors: { secret: pasted.error.issues.map((i) => i.message) } };
    const { previousUntil } = await saveProviderSecret({ orgId: member.orgId, provider, value: pasted.data });
    revalidatePath("/settings/integrations");
    const message = previousUntil
      ? `Secret saved. Webhooks are checked with it from now on; the old secret keeps working for ${GRACE_HOURS} hours.`
      : "Secret saved. Webhooks are checked with it from now on.";
    return { ok: true, message, at: Date.now() };
  } catch (error) {
    return { ok: false, message: failure(error, "secret") };
  }
}

export async function testEventAction(_previous: TestEventState, formData: FormData): Promise<TestEventState> {
  try {
    const member = await requireMember(["owner"]);
    const parsed = testRequestSchema.safeParse({ provider: formData.get("provider") });
    if (!parsed.success) return { result: { ok: false, status: null, message: "Unknown phone system.", conversationId: null }, at: Date.now() };
    const result = await sendTestCall({ orgId: member.orgId, provider: parsed.data.provider, defer: (task) => after(task) });
    revalidatePath("/settings/integrations");
    revalidatePath("/inbox");
    return { result, at: Date.now() };
  } catch (error) {
    return { result: { ok: false, status: null, message: failure(error, "test event"), conversationId: null }, at: Date.now() };
  }
}
