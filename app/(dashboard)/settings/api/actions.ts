"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { apiTokenIdSchema, apiTokenNameSchema } from "@/lib/api/token-schemas";
import { requireMember } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { safeErrorSummary } from "@/lib/integrations/safe-error";

export type CreateTokenState = {
  errors?: { name?: string[] };
  message?: string;
  values?: { name: string };
  /** The new token in full: returned once, never stored or shown again. */
  created?: { id: string; name: string; token: string };
};

export type RevokeTokenState = { ok?: boolean; message?: string };

function failure(error: unknown, what: string): { message: string } {
  if (error instanceof AppError) return { message: error.message };
  console.error(`[api tokens] ${what} failed: ${safeErrorSummary(error)}`);
  return { message: "That did not work. Try again." };
}

export async function createApiTokenAction(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const values = { name: String(formData.get("name") ?? "") };
  try {
    const member = await requireMember(["owner"]);
    const parsed = apiTokenNameSchema.safeParse(values);
    if (!parsed.success) return { errors: { name: parsed.error.flatten().fieldErrors.name }, values };
    const created = await createApiToken({ orgId: member.orgId, createdById: member.id, name: parsed.data.name });
    revalidatePath("/settings/api");
    return { created: { id: created.id, name: created.name, token: created.token } };
  } catch (error) {
    return { ...failure(error, "create"), values };
  }
}

export async function revokeApiTokenAction(_previous: RevokeTokenState, formData: FormData): Promise<RevokeTokenState> {
  try {
    const member = await requireMember(["owner"]);
    const parsed = apiTokenIdSchema.safeParse({ tokenId: formData.get("tokenId") });
    if (!parsed.success) return { ok: false, message: "Unknown token. Reload the page." };
    const revoked = await revokeApiToken({ orgId: member.orgId, tokenId: parsed.data.tokenId });
    revalidatePath("/settings/api");
    return revoked ? { ok: true, message: "Token revoked: requests with it are refused from now on." } : { ok: false, message: "That token was already revoked." };
  } catch (error) {
    return { ok: false, ...failure(error, "revoke") };
  }
}
