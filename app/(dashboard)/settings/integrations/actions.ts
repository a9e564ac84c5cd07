"use server";

import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { flattenErrors } from "@/lib/form-errors";
import type { TestCallResult } from "@/lib/integrations/describe-test";
import { generateProviderSecret, saveProviderSecret, turnOffProviderSecret } from "@/lib/integrations/provider-secrets";
import { pastedSecretSchemas, ROTATION_GRACE_MS } from "@/lib/integrations/secrets";
import { sendTestCall } from "@/lib/integrations/test-call";
import { OWNERS, runAction } from "@/lib/server/action";

export type SecretState = { ok?: boolean; message?: string; errors?: { secret?: string[] }; revealed?: string; at?: number };
export type TestEventState = { result?: TestCallResult; at?: number };

const GRACE_HOURS = ROTATION_GRACE_MS / 3_600_000;

const secretRequestSchema = z.object({
  provider: z.enum(["openphone", "aircall", "generic"]),
  intent: z.enum(["save", "generate", "off"]),
});
const testRequestSchema = z.object({ provider: z.enum(["twilio", "openphone", "aircall", "generic"]) });

export async function secretAction(_previous: SecretState, formData: FormData): Promise<SecretState> {
  const value = { provider: formData.get("provider"), intent: formData.get("intent") };
  return runAction(
    {
      access: OWNERS,
      log: ["integrations", "secret failed"],
      fail: (message): SecretState => ({ ok: false, message }),
      input: { schema: secretRequestSchema, value, invalid: () => ({ ok: false, message: "Unknown request. Reload the page." }) },
    },
    async ({ member, input: { provider, intent } }) => {
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
      // The pasted secret's schema depends on the provider, so it is parsed here, flattened the same way.
      const pasted = pastedSecretSchemas[provider].safeParse(formData.get("secret") ?? "");
      if (!pasted.success) return { ok: false, errors: { secret: flattenErrors(pasted.error).formErrors } };
      const { previousUntil } = await saveProviderSecret({ orgId: member.orgId, provider, value: pasted.data });
      revalidatePath("/settings/integrations");
      const message = previousUntil
        ? `Secret saved. Webhooks are checked with it from now on; the old secret keeps working for ${GRACE_HOURS} hours.`
        : "Secret saved. Webhooks are checked with it from now on.";
      return { ok: true, message, at: Date.now() };
    },
  );
}

export async function testEventAction(_previous: TestEventState, formData: FormData): Promise<TestEventState> {
  const failed = (message: string): TestEventState => ({ result: { ok: false, status: null, message, conversationId: null }, at: Date.now() });
  const value = { provider: formData.get("provider") };
  return runAction(
    { access: OWNERS, log: ["integrations", "test event failed"], fail: failed, input: { schema: testRequestSchema, value, invalid: () => failed("Unknown phone system.") } },
    async ({ member, input }) => {
      const result = await sendTestCall({ orgId: member.orgId, provider: input.provider, defer: (task) => after(task) });
      revalidatePath("/settings/integrations");
      revalidatePath("/inbox");
      return { result, at: Date.now() };
    },
  );
}
