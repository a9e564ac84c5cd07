// Secrets never reach the server log, on real failure paths: the database refuses a write whose
// parameters carry a secret (a voicemail URL's access token in a webhook, a webhook secret an owner
// saves in settings), the app answers and logs the failure, and the captured log names the failure
// without the secret (drizzle puts every parameter in its error message; lib/log.ts withholds them).
import { formatWithOptions } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import type { SessionMember } from "@/db/queries/members";
import { members, organizations } from "@/db/schema";
import { requireMember } from "@/lib/auth/session";
import { genericEvent, signedGenericRequest } from "@/lib/telephony/generic/samples";
import { DEMO_NUMBER_BY_PROVIDER } from "@/db/seed-demo";
import { APP_URL, DEMO_WEBHOOK_SECRETS, uniqueCaller, useHarness } from "./harness";

vi.mock("@/lib/auth/session", () => ({ requireMember: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

// The demo organization's own generic secret (global-setup.ts): the webhook is verified with it.
const GENERIC_SECRET = DEMO_WEBHOOK_SECRETS.generic;
process.env.AUTH_SECRET = "auth-secret-DO-NOT-LOG-0123456789abcdef0123456789";

const h = useHarness();

/** Everything the app printed through console.*, formatted as Node would print it. */
let logged: string[] = [];
beforeEach(() => {
  logged = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(formatWithOptions({ depth: 10 }, ...args)));
  }
});

const REFUSE = sql.raw(`
  create or replace function rebound_test_refuse() returns trigger language plpgsql as $$
  begin raise exception 'refused by the test'; end $$;
  create trigger rebound_test_refuse_calls before insert on inbound_events for each row
    when (new.payload::text like '%DO-NOT-LOG%') execute function rebound_test_refuse();
  create trigger rebound_test_refuse_secret before update on organizations for each row
    when (new.generic_webhook_secret like '%DO-NOT-LOG%') execute function rebound_test_refuse();
`);
const ALLOW = sql.raw(`
  drop trigger if exists rebound_test_refuse_calls on inbound_events;
  drop trigger if exists rebound_test_refuse_secret on organizations;
  drop function if exists rebound_test_refuse();
`);

beforeAll(async () => {
  await (await getDb()).execute(REFUSE);
});
afterAll(async () => {
  await (await getDb()).execute(ALLOW);
});

describe("a webhook whose write fails", () => {
  it("answers 500 so the provider retries, and logs the failed query without its parameters", async () => {
    const voicemailToken = "vm-access-token-DO-NOT-LOG-5b2f90";
    const event = genericEvent({
      from: uniqueCaller(),
      to: DEMO_NUMBER_BY_PROVIDER.generic,
      type: "call.voicemail",
      voicemailUrl: `https://pbx.example.com/rec/1.mp3?token=${voicemailToken}`,
    });
    const response = await h.postJson(signedGenericRequest({ url: `${APP_URL}/api/webhooks/generic`, body: event, secret: GENERIC_SECRET }), "generic");
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "internal", message: "Something went wrong; the request can be retried." });

    const log = logged.join("\n");
    expect(log).toContain("[generic] unexpected error: Failed query (parameters withheld): insert into inbound_events");
    expect(log).toContain("PostgresError P0001: refused by the test");
    for (const secret of [voicemailToken, GENERIC_SECRET, process.env.AUTH_SECRET!, h.standIn.authToken]) expect(log).not.toContain(secret);
  });
});

describe("a settings action whose write fails", () => {
  it("tells the owner to try again, and logs the failure without the secret being saved", async () => {
    const db = await getDb();
    const [owner] = await db
      .select({ id: members.id, orgId: members.orgId, orgName: organizations.name, email: members.email, name: members.name, role: members.role })
      .from(members)
      .innerJoin(organizations, eq(organizations.id, members.orgId))
      .where(and(eq(members.email, "owner@glow.test")));
    vi.mocked(requireMember).mockResolvedValue(owner as SessionMember);
    const { secretAction } = await import("@/app/(dashboard)/settings/integrations/actions");

    const pasted = "pasted-generic-secret-DO-NOT-LOG-91d3";
    const form = new FormData();
    form.set("provider", "generic");
    form.set("intent", "save");
    form.set("secret", pasted);
    expect(await secretAction({}, form)).toEqual({ ok: false, message: "That did not work. Try again." });

    const log = logged.join("\n");
    expect(log).toContain("[integrations] secret failed");
    expect(log).not.toContain(pasted);
    const [org] = await db.select({ secret: organizations.genericWebhookSecret }).from(organizations).where(eq(organizations.id, owner!.orgId));
    expect(org?.secret).not.toBe(pasted);
  });
});
