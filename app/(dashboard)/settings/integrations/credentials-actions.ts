"use server";

// The owner's API credentials for Quo and Aircall (Settings → Integrations): saved, or removed; the
// organization's numbers on that phone system are proven again at once with what was saved.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setAircallApiCredentials, setQuoApiKey } from "@/db/queries/api-credentials";
import { fieldErrors, type FieldErrors } from "@/lib/form-errors";
import { aircallCredentialsSchema, quoApiKeySchema } from "@/lib/integrations/api-credentials";
import { OWNERS, runAction } from "@/lib/server/action";
import { describeProofCounts, proveOrgNumbers } from "@/lib/telephony/numbers/prove-org-numbers";

export type CredentialsState = { ok?: boolean; message?: string; errors?: FieldErrors; at?: number };

const requestSchema = z.object({ provider: z.enum(["openphone", "aircall"]), intent: z.enum(["save", "remove"]) });

export async function saveApiCredentialsAction(_previous: CredentialsState, formData: FormData): Promise<CredentialsState> {
  const value = { provider: formData.get("provider"), intent: formData.get("intent") };
  return runAction(
    {
      access: OWNERS,
      log: ["integrations", "API credentials failed"],
      fail: (message): CredentialsState => ({ ok: false, message }),
      input: { schema: requestSchema, value, invalid: () => ({ ok: false, message: "Unknown request. Reload the page." }) },
    },
    async ({ member, input: { provider, intent } }) => {
      const orgId = member.orgId;
      if (intent === "remove") {
        if (provider === "openphone") await setQuoApiKey({ orgId, apiKey: null });
        else await setAircallApiCredentials({ orgId, credentials: null });
      } else if (provider === "openphone") {
        const parsed = quoApiKeySchema.safeParse({ apiKey: formData.get("apiKey") ?? "" });
        if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
        await setQuoApiKey({ orgId, apiKey: parsed.data.apiKey });
      } else {
        const parsed = aircallCredentialsSchema.safeParse({ apiId: formData.get("apiId") ?? "", apiToken: formData.get("apiToken") ?? "" });
        if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
        await setAircallApiCredentials({ orgId, credentials: parsed.data });
      }
      const checked = describeProofCounts(await proveOrgNumbers({ orgId, provider }));
      revalidatePath("/settings/integrations");
      revalidatePath("/settings/locations", "layout");
      const done = intent === "remove" ? "Removed: texts from these numbers are simulated from now on." : "Saved.";
      return { ok: true, message: checked ? `${done} ${checked}` : done, at: Date.now() };
    },
  );
}
