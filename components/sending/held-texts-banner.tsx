// Shown to owners on every dashboard page while texts were held back in the last 24 hours.
import { countHeldTexts } from "@/db/queries/held-texts";
import { env } from "@/lib/env";
import { HeldTextsNotice } from "./held-texts-notice";

const DAY_MS = 24 * 3600 * 1000;

export async function HeldTextsBanner({ orgId, now = new Date() }: { orgId: string; now?: Date }) {
  const held = await countHeldTexts({ orgId, since: new Date(now.getTime() - DAY_MS) });
  return <HeldTextsNotice held={held} limits={env().sending} />;
}
