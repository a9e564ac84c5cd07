// What the team forms accept, checked on the server (server actions are public endpoints).
import { z } from "zod";

export const roleSchema = z.enum(["owner", "coordinator"], { message: "Choose owner or coordinator." });

export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter the email address of the person to invite.")),
  role: roleSchema,
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const passwordSchema = z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters.");

export const personNameSchema = z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters.");

export const acceptInviteSchema = z.object({
  token: z.string().min(1),
  name: personNameSchema,
  password: passwordSchema,
});
export type AcceptInviteInput = z.infer<typeof acceptInviteSchema>;

export const memberIdSchema = z.object({ memberId: z.uuid("Unknown member.") });
export const changeRoleSchema = memberIdSchema.extend({ role: roleSchema });
export const invitationIdSchema = z.object({ invitationId: z.uuid("Unknown invitation.") });
