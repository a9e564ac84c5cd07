"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { apiTokenIdSchema, apiTokenNameSchema } from "@/lib/api/token-schemas";
import { OWNERS, runAction } from "@/lib/server/action";

export type CreateTokenState = {
  errors?: { name?: string[] };
  message?: string;
  values?: { name: string };
  /** The new token in full: returned once, never stored or shown again. */
  created?: { id: string; name: string; token: string };
};

export type RevokeTokenState = { ok?: boolean; message?: string };

export async function createApiTokenAction(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const values = { name: String(formData.get("name") ?? "") };
  return runAction(
    {
      access: OWNERS,
      log: ["api tokens", "create failed"],
      fail: (message): CreateTokenState => ({ message, values }),
      input: { schema: apiTokenNameSchema, value: values, invalid: ({ fieldErrors }) => ({ errors: { name: fieldErrors.name }, values }) },
    },
    async ({ member, input }) => {
      const created = await createApiToken({ orgId: member.orgId, createdById: member.id, name: input.name });
      revalidatePath("/settings/api");
      return { created: { id: created.id, name: created.name, token: created.token } };
    },
  );
}

export async function revokeApiTokenAction(_previous: RevokeTokenState, formData: FormData): Promise<RevokeTokenState> {
  const value = { tokenId: formData.get("tokenId") };
  return runAction(
    {
      access: OWNERS,
      log: ["api tokens", "revoke failed"],
      fail: (message): RevokeTokenState => ({ ok: false, message }),
      input: { schema: apiTokenIdSchema, value, invalid: () => ({ ok: false, message: "Unknown token. Reload the page." }) },
    },
    async ({ member, input }) => {
      const revoked = await revokeApiToken({ orgId: member.orgId, tokenId: input.tokenId });
      revalidatePath("/settings/api");
      return revoked ? { ok: true, message: "Token revoked: requests with it are refused from now on." } : { ok: false, message: "That token was already revoked." };
    },
  );
}
