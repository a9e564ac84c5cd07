import { describe, expect, it } from "vitest";
import { checkRemoval, checkRoleChange } from "./guards";

const owner = (id: string) => ({ id, role: "owner" as const });
const desk = (id: string) => ({ id, role: "coordinator" as const });

describe("team guards", () => {
  it("refuses to demote the only owner, even by themselves", () => {
    const verdict = checkRoleChange({ actorId: "a", target: owner("a"), ownerIds: ["a"], newRole: "coordinator" });
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.message).toMatch(/only owner/);
  });

  it("lets an owner step down when another owner remains", () => {
    expect(checkRoleChange({ actorId: "a", target: owner("a"), ownerIds: ["a", "b"], newRole: "coordinator" })).toEqual({ ok: true });
  });

  it("promotes a coordinator to owner", () => {
    expect(checkRoleChange({ actorId: "a", target: desk("c"), ownerIds: ["a"], newRole: "owner" })).toEqual({ ok: true });
  });

  it("keeping the same role is always fine", () => {
    expect(checkRoleChange({ actorId: "a", target: owner("a"), ownerIds: ["a"], newRole: "owner" })).toEqual({ ok: true });
  });

  it("nobody removes themselves", () => {
    const verdict = checkRemoval({ actorId: "a", target: owner("a"), ownerIds: ["a", "b"] });
    expect(!verdict.ok && verdict.message).toMatch(/cannot remove yourself/);
  });

  it("the last owner cannot be removed by anyone", () => {
    const verdict = checkRemoval({ actorId: "x", target: owner("a"), ownerIds: ["a"] });
    expect(!verdict.ok && verdict.message).toMatch(/only owner/);
  });

  it("an owner removes a coordinator or a second owner", () => {
    expect(checkRemoval({ actorId: "a", target: desk("c"), ownerIds: ["a"] })).toEqual({ ok: true });
    expect(checkRemoval({ actorId: "a", target: owner("b"), ownerIds: ["a", "b"] })).toEqual({ ok: true });
  });
});
