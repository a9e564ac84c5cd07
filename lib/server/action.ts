// Every server action runs through runAction. A server action is a public POST endpoint, so the same
// four steps happen in each, in this order, in one place:
// 1. who: the signed-in member is re-read and their role checked (requireMember: "Your session has
//    ended…" / "Your role does not allow this." as an AppError), unless the action is declared public
//    (signing in, signing up, accepting an invitation, signing out: there is no session to check);
// 2. what: the input is parsed with its zod schema; a refusal reaches the action flattened one way
//    (lib/form-errors.ts) and the action says where its form shows it;
// 3. the work itself, with the member and the parsed input;
// 4. failure: Next's own control flow (redirect, notFound) passes through; an AppError becomes its
//    message; anything else is logged as a safe summary (lib/log.ts: `[context] what: …`) and becomes
//    one generic sentence. An action with no state to answer with (`fail` left out) throws instead.
// tests/static/server-actions-check-session.test.ts fails on an exported action that does not come here.
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { SessionMember } from "@/db/queries/members";
import { requireMember, type Role } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { flattenErrors, type FlatErrors } from "@/lib/form-errors";
import { logError } from "@/lib/log";

/** Owners and coordinators: everyone signed in. */
export const MEMBERS: readonly Role[] = ["owner", "coordinator"];
export const OWNERS: readonly Role[] = ["owner"];

/** What the form says when something unexpected failed (it was logged). */
export const UNEXPECTED = "That did not work. Try again.";

type Input<S extends z.ZodType, State, Who> = {
  schema: S;
  /** What the form sent, as the schema reads it. */
  value: unknown;
  /** The state for a refused input: where this form shows the flattened errors. */
  invalid: (errors: FlatErrors, who: Who) => State | Promise<State>;
};

type Spec<State, S extends z.ZodType, Who> = {
  /** Where an unexpected failure is logged: `[context] what: …`. */
  log: readonly [context: string, what: string];
  /** The state carrying one sentence for the whole form (an AppError's message, or `unexpected`). Without it the error is thrown. */
  fail?: (message: string) => State;
  /** The sentence for an unexpected failure; UNEXPECTED unless the form says more. */
  unexpected?: string;
  input?: Input<S, State, Who>;
};

type Body<State, S extends z.ZodType, Who> = (context: { member: Who; input: z.output<S> }) => Promise<State>;

/** An action for signed-in members with one of `access`'s roles. */
export function runAction<State, S extends z.ZodType = z.ZodType<undefined>>(
  spec: Spec<State, S, SessionMember> & { access: readonly Role[] },
  body: Body<State, S, SessionMember>,
): Promise<State>;
/** A public action: no session is checked (the form's own credential, a password or an invitation token, is). */
export function runAction<State, S extends z.ZodType = z.ZodType<undefined>>(spec: Spec<State, S, null> & { access: "public" }, body: Body<State, S, null>): Promise<State>;
export async function runAction<State, S extends z.ZodType>(
  given: (Spec<State, S, SessionMember> & { access: readonly Role[] }) | (Spec<State, S, null> & { access: "public" }),
  givenBody: Body<State, S, SessionMember> | Body<State, S, null>,
): Promise<State> {
  // The overloads above pair the access with the member the body gets; here either is handled.
  const spec = given as Spec<State, S, SessionMember | null> & { access: readonly Role[] | "public" };
  const body = givenBody as Body<State, S, SessionMember | null>;
  try {
    const member = spec.access === "public" ? null : await requireMember(spec.access);
    let input: z.output<S> = undefined as z.output<S>;
    if (spec.input) {
      const parsed = spec.input.schema.safeParse(spec.input.value);
      if (!parsed.success) return await spec.input.invalid(flattenErrors(parsed.error), member);
      input = parsed.data;
    }
    return await body({ member, input });
  } catch (error) {
    unstable_rethrow(error);
    const [context, what] = spec.log;
    const known = error instanceof AppError;
    // A 5xx AppError is ours but still a failure worth reading later (as errorResponse does, lib/errors.ts).
    if (!known || error.status >= 500) logError(context, error, what);
    if (!spec.fail) throw error;
    return spec.fail(known ? error.message : (spec.unexpected ?? UNEXPECTED));
  }
}
