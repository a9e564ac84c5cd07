// Carrier keywords (../shared/WEBHOOKS.md §2(b)): matched on the whole body, case-insensitive.
export type Keyword = "opt_out" | "opt_in" | "help";

export const OPT_OUT_WORDS: ReadonlySet<string> = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"]);
const OPT_IN = new Set(["START", "YES", "UNSTOP"]);
const HELP = new Set(["HELP", "INFO"]);

export function keywordOf(body: string, optOutType?: "STOP" | "START" | "HELP"): Keyword | null {
  if (optOutType === "STOP") return "opt_out";
  if (optOutType === "START") return "opt_in";
  if (optOutType === "HELP") return "help";
  const word = body.trim().replace(/[.!]+$/, "").toUpperCase();
  if (OPT_OUT_WORDS.has(word)) return "opt_out";
  if (OPT_IN.has(word)) return "opt_in";
  if (HELP.has(word)) return "help";
  return null;
}
