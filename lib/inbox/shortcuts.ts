// Keyboard shortcuts of the inbox and conversation pages, as a pure key → action map so the rules
// (ignore typing, ignore modified keys, nothing while a dialog is open) are tested without a DOM.

export type ShortcutAction = "next" | "previous" | "reply" | "done" | "help";

/** What the help overlay lists, in this order. */
export const SHORTCUTS: readonly { key: string; action: ShortcutAction; description: string }[] = [
  { key: "j", action: "next", description: "Next conversation" },
  { key: "k", action: "previous", description: "Previous conversation" },
  { key: "r", action: "reply", description: "Write a reply" },
  { key: "e", action: "done", description: "Mark the conversation done" },
  { key: "?", action: "help", description: "Show these shortcuts" },
];

export type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focused element the key went to. */
  target: { tagName: string; isContentEditable: boolean; type?: string | null } | null;
  /** An IME composition is in progress (Japanese, Chinese… input). */
  isComposing?: boolean;
  /** A modal dialog (this overlay, the quick replies manager) is open: it owns the keyboard. */
  dialogOpen?: boolean;
};

/** Inputs where a letter is a letter; buttons, checkboxes and radios are not typing. */
const NOT_TYPING_INPUTS = new Set(["button", "submit", "reset", "checkbox", "radio", "range", "color", "file", "image"]);

export function isTyping(target: KeyPress["target"]): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return !NOT_TYPING_INPUTS.has((target.type ?? "text").toLowerCase());
  return false;
}

export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing || press.dialogOpen) return null;
  if (isTyping(press.target)) return null;
  return SHORTCUTS.find((s) => s.key === press.key)?.action ?? null;
}

/**
 * The row j / k move to in a list of `count` conversations from `current` (-1: none selected yet).
 * j from nowhere starts at the top, k from nowhere too; the ends stop rather than wrap, so holding
 * j never jumps back to the newest conversation unnoticed. Null when there is nowhere to go.
 */
export function step(current: number, count: number, action: "next" | "previous"): number | null {
  if (count <= 0) return null;
  if (current < 0 || current >= count) return 0;
  const target = action === "next" ? current + 1 : current - 1;
  return target >= 0 && target < count ? target : null;
}
