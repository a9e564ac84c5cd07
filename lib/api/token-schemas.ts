// What the API token forms in Settings → API accept, checked on the server.
import { z } from "zod";

export const apiTokenNameSchema = z.object({
  name: z.string().trim().min(1, "Name the token after the tool that will use it, e.g. “Looker”.").max(60, "Use at most 60 characters."),
});
export type ApiTokenNameInput = z.infer<typeof apiTokenNameSchema>;

export const apiTokenIdSchema = z.object({ tokenId: z.uuid("Unknown token.") });
