import { describe, expect, it } from "vitest";
import { shortcutFor, step, type KeyPress } from "./shortcuts";

const body = { tagName: "BODY", isContentEditable: false };
const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, target: body, ...extra });

describe("shortcutFor", () => {
  it("maps j, k, r, e and ? to their actions", () => {
    expect(["j", "k", "r", "e", "?"].map((k) => shortcutFor(press(k)))).toEqual(["next", "previous", "reply", "done", "help"]);
  });

  it("lets letters through while typing a reply, a note or a search", () => {
    for (const target of [
      { tagName: "TEXTAREA", isContentEditable: false },
      { tagName: "INPUT", isContentEditable: false, type: "search" },
      { tagName: "input", isContentEditable: false, type: null },
      { tagName: "SELECT", isContentEditable: false },
      { tagName: "DIV", isContentEditable: true },
    ]) {
      expect(shortcutFor(press("e", { target }))).toBeNull();
    }
  });

  it("still works with focus on a button or a link (after clicking Claim, j moves on)", () => {
    expect(shortcutFor(press("j", { target: { tagName: "BUTTON", isContentEditable: false } }))).toBe("next");
    expect(shortcutFor(press("j", { target: { tagName: "INPUT", isContentEditable: false, type: "submit" } }))).toBe("next");
    expect(shortcutFor(press("k", { target: { tagName: "A", isContentEditable: false } }))).toBe("previous");
  });

  it("leaves browser shortcuts alone: Ctrl+R reloads, Cmd+K stays the browser's", () => {
    expect(shortcutFor(press("r", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press("k", { metaKey: true }))).toBeNull();
    expect(shortcutFor(press("e", { altKey: true }))).toBeNull();
  });

  it("does nothing while a dialog is open or an IME is composing, and ignores other keys", () => {
    expect(shortcutFor(press("j", { dialogOpen: true }))).toBeNull();
    expect(shortcutFor(press("e", { isComposing: true }))).toBeNull();
    expect(shortcutFor(press("J"))).toBeNull();
    expect(shortcutFor(press("x"))).toBeNull();
    expect(shortcutFor(press("Enter"))).toBeNull();
  });
});

describe("step", () => {
  it("moves down and up the list", () => {
    expect(step(2, 5, "next")).toBe(3);
    expect(step(2, 5, "previous")).toBe(1);
  });

  it("starts at the top when nothing is selected", () => {
    expect(step(-1, 5, "next")).toBe(0);
    expect(step(-1, 5, "previous")).toBe(0);
  });

  it("stops at the ends instead of wrapping, and has nowhere to go in an empty list", () => {
    expect(step(4, 5, "next")).toBeNull();
    expect(step(0, 5, "previous")).toBeNull();
    expect(step(-1, 0, "next")).toBeNull();
  });
});
