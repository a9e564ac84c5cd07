// Quick replies are shared by the whole team (issue 13, item 12): a delete is soft, restorable by any
// member of the same spa within the undo window, invisible and untouchable to another spa, and
// purged once the window has passed. The actions run as the forged POSTs they may be: only the
// session cookie is stubbed (`auth()`); the member and role lookups are real, against Postgres.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { deleteQuickReplyAction, restoreQuickReplyAction } from "@/app/(dashboard)/inbox/quick-reply-actions";
import { getDb, type Db } from "@/db/client";
import { deleteQuickReply, listQuickReplies, MAX_QUICK_REPLIES, restoreQuickReply } from "@/db/queries/quick-replies";
import { createSession } from "@/db/queries/sessions";
import { members, organizations, quickReplies } from "@/db/schema";
import { QUICK_REPLY_UNDO_MS } from "@/lib/inbox/quick-reply-undo";
import { useHarness } from "./harness";

const session = vi.hoisted(() => ({ current: null as { sessionId: string; user: { id: string } } | null }));
vi.mock("@/auth", () => ({ auth: vi.fn(async () => session.current), signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

useHarness();

type Spa = { orgId: string; owner: { id: string }; coordinator: { id: string } };
let db: Db;
let glow: Spa;
let rival: Spa;

async function spa(name: string): Promise<Spa> {
  const slug = `${name.toLowerCase()}-${randomUUID().slice(0, 8)}`;
  const [org] = await db.insert(organizations).values({ name, slug }).returning();
  const [owner, coordinator] = await db
    .insert(members)
    .values((["owner", "coordinator"] as const).map((role) => ({ orgId: org!.id, email: `${role}@${slug}.test`, name: `${name} ${role}`, role, passwordHash: "x" })))
    .returning();
  return { orgId: org!.id, owner: owner!, coordinator: coordinator! };
}

async function signInAs(member: { id: string } | null): Promise<void> {
  session.current = member ? { sessionId: await createSession({ memberId: member.id, expiresAt: new Date(Date.now() + 3_600_000) }, db), user: { id: member.id } } : null;
}

async function addReply(orgId: string, title: string): Promise<string> {
  const [row] = await db
    .insert(quickReplies)
    .values({ orgId, title, body: `${title}: the answer.` })
    .returning();
  return row!.id;
}

const form = (quickReplyId: string) => {
  const data = new FormData();
  data.set("quickReplyId", quickReplyId);
  return data;
};
const titles = async (orgId: string) => (await listQuickReplies({ orgId }, db)).map((q) => q.title);
const rowOf = async (id: string) => (await db.select().from(quickReplies).where(eq(quickReplies.id, id)))[0];

beforeAll(async () => {
  db = await getDb();
  glow = await spa("Glow");
  rival = await spa("Rival");
});

describe("deleting a shared quick reply", () => {
  it("a coordinator deletes for the whole team, and an owner of the same spa undoes it", async () => {
    const id = await addReply(glow.orgId, "Parking");
    await signInAs(glow.coordinator);
    const deleted = await deleteQuickReplyAction({}, form(id));
    expect(deleted).toMatchObject({ done: { id, title: "Parking" } });
    expect(await titles(glow.orgId)).not.toContain("Parking");
    expect((await rowOf(id))?.deletedAt).toBeInstanceOf(Date); // kept for Undo, not gone yet

    await signInAs(glow.owner);
    expect(await restoreQuickReplyAction({}, form(id))).toMatchObject({ done: { id, title: "Parking" } });
    expect(await titles(glow.orgId)).toContain("Parking");
    expect((await rowOf(id))?.deletedAt).toBeNull();
  });

  it("signed out, nothing is deleted or restored", async () => {
    const live = await addReply(glow.orgId, "Gift cards");
    const gone = await addReply(glow.orgId, "Old hours");
    await deleteQuickReply({ orgId: glow.orgId, quickReplyId: gone }, db);
    await signInAs(null);
    expect(await deleteQuickReplyAction({}, form(live))).toEqual({ message: "Your session has ended. Sign in again." });
    expect(await restoreQuickReplyAction({}, form(gone))).toEqual({ message: "Your session has ended. Sign in again." });
    expect((await rowOf(live))?.deletedAt).toBeNull();
    expect((await rowOf(gone))?.deletedAt).toBeInstanceOf(Date);
  });

  it("another spa's member can neither delete nor restore this spa's replies", async () => {
    const live = await addReply(glow.orgId, "Aftercare");
    const gone = await addReply(glow.orgId, "Holiday hours");
    await deleteQuickReply({ orgId: glow.orgId, quickReplyId: gone }, db);
    await signInAs(rival.owner);
    expect(await deleteQuickReplyAction({}, form(live))).toEqual({ message: "That quick reply no longer exists." });
    expect(await restoreQuickReplyAction({}, form(gone))).toEqual({ message: "That quick reply can no longer be restored: the undo time has passed." });
    expect((await rowOf(live))?.deletedAt).toBeNull();
    expect((await rowOf(gone))?.deletedAt).toBeInstanceOf(Date);
    expect(await titles(rival.orgId)).toEqual([]);
  });

  it("Undo works until the window ends; later the reply is purged by the next delete", async () => {
    const t0 = new Date("2026-06-01T17:00:00Z");
    const first = await addReply(glow.orgId, "Consult fee");
    const second = await addReply(glow.orgId, "Deposit");
    expect(await deleteQuickReply({ orgId: glow.orgId, quickReplyId: first, now: t0 }, db)).toEqual({ title: "Consult fee" });
    expect(await deleteQuickReply({ orgId: glow.orgId, quickReplyId: first, now: t0 }, db)).toBeNull(); // already deleted
    const justInTime = new Date(t0.getTime() + QUICK_REPLY_UNDO_MS - 1000);
    expect(await restoreQuickReply({ orgId: glow.orgId, quickReplyId: first, now: justInTime }, db)).toEqual({ ok: true, title: "Consult fee" });

    await deleteQuickReply({ orgId: glow.orgId, quickReplyId: first, now: t0 }, db);
    const tooLate = new Date(t0.getTime() + QUICK_REPLY_UNDO_MS + 1000);
    expect(await restoreQuickReply({ orgId: glow.orgId, quickReplyId: first, now: tooLate }, db)).toEqual({ ok: false, reason: "gone" });
    expect(await rowOf(first)).toBeDefined();
    await deleteQuickReply({ orgId: glow.orgId, quickReplyId: second, now: tooLate }, db);
    expect(await rowOf(first)).toBeUndefined(); // purged
    expect((await rowOf(second))?.deletedAt).toEqual(tooLate); // still restorable
  });

  it("a restore that would go past the limit is refused, and says why", async () => {
    const full = await spa("Full");
    const gone = await addReply(full.orgId, "Zzz deleted");
    await deleteQuickReply({ orgId: full.orgId, quickReplyId: gone }, db);
    await db.insert(quickReplies).values(Array.from({ length: MAX_QUICK_REPLIES }, (_, i) => ({ orgId: full.orgId, title: `Reply ${i}`, body: "Text" })));
    await signInAs(full.coordinator);
    expect(await restoreQuickReplyAction({}, form(gone))).toEqual({ message: `You already have ${MAX_QUICK_REPLIES} quick replies. Delete one first.` });
    expect(
      (
        await db
          .select()
          .from(quickReplies)
          .where(and(eq(quickReplies.id, gone)))
      )[0]?.deletedAt,
    ).toBeInstanceOf(Date);
  });
});
