// Every settings form's action: an owner's action (lib/server/action.ts checks the session and the
// role again, server actions being public POST endpoints), answering the settings FormState; an
// AppError becomes the form's sentence, anything else is logged as `[settings] action failed`.
import type { SessionMember } from "@/db/queries/members";
import { OWNERS, runAction } from "@/lib/server/action";
import type { FormState } from "./form";

export async function asOwner<Field extends string>(run: (member: SessionMember) => Promise<FormState<Field>>): Promise<FormState<Field>> {
  return runAction(
    { access: OWNERS, log: ["settings", "action failed"], fail: (message): FormState<Field> => ({ message }), unexpected: "The change could not be saved. Try again." },
    ({ member }) => run(member),
  );
}
