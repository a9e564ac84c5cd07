import { redirect } from "next/navigation";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionMember } from "@/db/queries/members";
import { AppError } from "@/lib/errors";
import { MEMBERS, OWNERS, runAction, UNEXPECTED } from "./action";

// A fake session: requireMember with the real one's answers (lib/auth/session.ts), over a member the test picks.
const session = vi.hoisted(() => ({ member: null as SessionMember | null, checks: 0 }));
vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("@/lib/errors");
  return {
    requireMember: async (roles: readonly string[]) => {
      session.checks += 1;
      if (!session.member) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
      if (!roles.includes(session.member.role)) throw new AppError("forbidden", "Your role does not allow this.");
      return session.member;
    },
  };
});

const member = (role: "owner" | "coordinator") => ({ id: `${role}-id`, orgId: "org-1", orgName: "Glow", email: `${role}@glow.test`, name: role, role }) as SessionMember;

type State = { message?: string; errors?: Partial<Record<string, string[]>>; done?: string };
const fail = (message: string): State => ({ message });
const schema = z.object({ email: z.email("Enter an email."), name: z.string().min(1, "Enter a name.") });

let logged: string[];
beforeEach(() => {
  session.member = null;
  session.checks = 0;
  logged = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.join(" ")));
});
afterEach(() => vi.restoreAllMocks());

describe("runAction: who", () => {
  it("refuses a signed-out visitor with the session sentence, without running the body", async () => {
    const body = vi.fn(async () => ({ done: "yes" }));
    expect(await runAction({ access: MEMBERS, log: ["test", "failed"], fail }, body)).toEqual({ message: "Your session has ended. Sign in again." });
    expect(body).not.toHaveBeenCalled();
    expect(logged).toEqual([]);
  });

  it("refuses a coordinator an owner's action, and lets an owner through with their member", async () => {
    const body = vi.fn(async ({ member }: { member: SessionMember }) => ({ done: member.id }));
    session.member = member("coordinator");
    expect(await runAction({ access: OWNERS, log: ["test", "failed"], fail }, body)).toEqual({ message: "Your role does not allow this." });
    expect(body).not.toHaveBeenCalled();
    session.member = member("owner");
    expect(await runAction({ access: OWNERS, log: ["test", "failed"], fail }, body)).toEqual({ done: "owner-id" });
  });

  it("checks no session for a public action", async () => {
    const result = await runAction({ access: "public", log: ["test", "failed"], fail }, async ({ member }) => ({ done: String(member) }));
    expect(result).toEqual({ done: "null" });
    expect(session.checks).toBe(0);
  });
});

describe("runAction: input", () => {
  it("hands a refused input to the form flattened, per field, and does not run the body", async () => {
    session.member = member("coordinator");
    const body = vi.fn(async () => ({ done: "saved" }));
    const result = await runAction(
      { access: MEMBERS, log: ["test", "failed"], fail, input: { schema, value: { email: "nope", name: "" }, invalid: ({ fieldErrors }) => ({ errors: fieldErrors }) } },
      body,
    );
    expect(result).toEqual({ errors: { email: ["Enter an email."], name: ["Enter a name."] } });
    expect(body).not.toHaveBeenCalled();
  });

  it("gives the body the parsed input", async () => {
    session.member = member("coordinator");
    const result = await runAction(
      { access: MEMBERS, log: ["test", "failed"], fail, input: { schema, value: { email: "a@b.test", name: "Ann" }, invalid: () => ({ message: "bad" }) } },
      async ({ input }) => ({ done: `${input.name} <${input.email}>` }),
    );
    expect(result).toEqual({ done: "Ann <a@b.test>" });
  });

  it("checks the session before reading the input: a signed-out visitor learns nothing about it", async () => {
    const invalid = vi.fn(() => ({ message: "bad" }));
    const result = await runAction({ access: MEMBERS, log: ["test", "failed"], fail, input: { schema, value: {}, invalid } }, async () => ({}));
    expect(result).toEqual({ message: "Your session has ended. Sign in again." });
    expect(invalid).not.toHaveBeenCalled();
  });
});

describe("runAction: errors", () => {
  it("shows an AppError's message and logs nothing", async () => {
    session.member = member("owner");
    const result = await runAction({ access: OWNERS, log: ["test", "save failed"], fail }, async () => {
      throw new AppError("conflict", "Someone else claimed it first.");
    });
    expect(result).toEqual({ message: "Someone else claimed it first." });
    expect(logged).toEqual([]);
  });

  it("logs an unexpected error as a safe summary under its context and shows the generic sentence", async () => {
    session.member = member("owner");
    const failure = Object.assign(new Error("Failed query: update organizations set secret = $1\nparams: whsec_c2VjcmV0LXZhbHVlLWhlcmU="), {
      query: "update organizations set secret = $1",
      params: ["whsec_c2VjcmV0LXZhbHVlLWhlcmU="],
    });
    const result = await runAction({ access: OWNERS, log: ["crm settings", "save url failed"], fail }, async () => {
      throw failure;
    });
    expect(result).toEqual({ message: UNEXPECTED });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain("[crm settings] save url failed: Failed query (parameters withheld): update organizations set secret = $1");
    expect(logged[0]).not.toContain("c2VjcmV0");
  });

  it("uses the action's own sentence for an unexpected failure when it has one", async () => {
    const result = await runAction({ access: "public", log: ["signup", "failed"], fail, unexpected: "Your spa could not be created. Try again in a moment." }, async () => {
      throw new TypeError("boom");
    });
    expect(result).toEqual({ message: "Your spa could not be created. Try again in a moment." });
    expect(logged[0]).toMatch(/^\[signup\] failed: TypeError: boom/);
  });

  it("logs a 5xx AppError too, and still shows its message", async () => {
    const result = await runAction({ access: "public", log: ["test", "failed"], fail }, async () => {
      throw new AppError("not_configured", "Texting is not set up yet.");
    });
    expect(result).toEqual({ message: "Texting is not set up yet." });
    expect(logged[0]).toContain("[test] failed: AppError not_configured: Texting is not set up yet.");
  });

  it("lets Next's redirect through untouched (a sign-in's success)", async () => {
    const thrown = await runAction({ access: "public", log: ["test", "failed"], fail }, async () => redirect("/inbox")).catch((error: unknown) => error);
    expect(thrown).toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    expect(logged).toEqual([]);
  });

  it("throws when the action has no state to answer with", async () => {
    await expect(runAction({ access: OWNERS, log: ["test", "failed"] }, async () => undefined)).rejects.toThrow("Your session has ended");
  });
});
