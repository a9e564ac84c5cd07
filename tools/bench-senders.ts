// The bench's sender row: Quo allows 10 requests a second per API key (docs/provider-formats.md
// #quo-sending). N texts due at once on one key go through the real Quo sender
// (lib/messaging/senders/quo.ts) against the local Quo stand-in, which answers 429 past 10 requests
// in any one second, as Quo does; each text is handled the way the outbox handles it (a text the
// sender puts back waits for its time, a 429 waits for Retry-After). Measured: the most requests
// the stand-in saw in any one second, how many 429s came back, every text sent exactly once, and
// how long the N took. `npx tsx tools/bench-senders.ts [N]` runs it alone.
import { quoSender } from "@/lib/messaging/senders/quo";
import { QUO_REQUESTS_PER_SECOND } from "@/lib/messaging/senders/rate-limit";
import { DEMO_QUO_NUMBER, DEMO_QUO_NUMBER_ID, startQuoStandIn } from "./quo-stand-in";
import type { Phase } from "./bench-intake";

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

/** The most timestamps inside any window of `windowMs` (sorted input). */
export function mostInWindow(sorted: number[], windowMs: number): number {
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

export async function senderRows({ texts }: { texts: number }): Promise<Phase> {
  const standIn = await startQuoStandIn();
  try {
    const sender = quoSender({ apiKey: standIn.apiKey, phoneNumberId: DEMO_QUO_NUMBER_ID, base: standIn.url });
    const began = Date.now();
    let tooMany = 0;
    let putBack = 0;
    const sendOne = async (i: number) => {
      const to = `+1213555${String(1000 + i).padStart(4, "0")}`;
      const text = { messageId: `bench-${i}`, orgId: "bench", to, from: DEMO_QUO_NUMBER, body: `Bench text ${i}`, createdAt: new Date() };
      for (;;) {
        const outcome = await sender.send(text);
        if (outcome.kind === "sent") return Date.now() - began;
        if (outcome.kind === "reschedule") {
          putBack += 1;
          await sleepUntil(outcome.at.getTime());
        } else if (outcome.kind === "retry" && !outcome.outcomeUnknown) {
          tooMany += 1;
          await sleepUntil(outcome.notBefore?.getTime() ?? Date.now() + 1000);
        } else throw new Error(`bench text ${i} was not sent: ${JSON.stringify(outcome)}`);
      }
    };
    const done = await Promise.all(Array.from({ length: texts }, (_, i) => sendOne(i)));
    const sends = standIn.attempts.filter((a) => a.kind === "send");
    const accepted = sends.filter((a) => a.outcome === "accepted");
    const most = mostInWindow(
      sends.map((a) => a.at).sort((a, b) => a - b),
      1000,
    );
    const onceEach = new Set(standIn.messages.map((m) => m.to)).size === texts && standIn.messages.length === texts;
    const lastMs = Math.max(...done);
    return {
      rows: [
        {
          id: "quo_rate",
          metric: `Quo: ${texts} texts due at once on one API key: most requests in any second / 429s / all sent once / last text`,
          measured: `${most} / ${tooMany} / ${onceEach ? "yes" : "NO"} / ${(lastMs / 1000).toFixed(2)} s`,
          target: `≤ ${QUO_REQUESTS_PER_SECOND} / 0 / yes`,
          pass: most <= QUO_REQUESTS_PER_SECOND && tooMany === 0 && onceEach,
        },
      ],
      details: { quoRate: { texts, requests: sends.length, accepted: accepted.length, mostInAnySecond: most, tooMany, putBack, lastMs } },
    };
  } finally {
    await standIn.close();
  }
}

if (process.argv[1]?.endsWith("bench-senders.ts")) {
  const texts = Number(process.argv[2] ?? 50);
  senderRows({ texts }).then(
    (phase) => console.log(JSON.stringify(phase, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
