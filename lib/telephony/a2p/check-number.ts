// Checks one sending number's A2P 10DLC readiness with its provider, stores it (setNumberA2p logs a
// change), and resumes the number's automatic texts when the registration is VERIFIED again: the
// send side pauses a number a carrier refused as unregistered (30034, Quo 0206400); only a check
// that sees it verified lifts the pause. Run by the owner's "Check again", the sweeper's daily loop,
// and soon after a send was blocked (the loop picks up a number paused since its last check).
import { getNumberById, resumeSendingNumber, setNumberA2p, type NumberWithCredentials } from "@/db/queries/phone-numbers";
import type { A2pStatus } from "@/db/schema";
import { aircallReadiness, cannotTextReadiness } from "./aircall-readiness";
import { fetchQuoRegistration } from "./quo-fetch";
import { quoReadiness } from "./quo-readiness";
import type { A2pReport } from "./readiness";
import { fetchServiceAnswers, type ServiceAnswers } from "./twilio-fetch";
import { twilioReadiness } from "./twilio-readiness";

/** Answers shared by the numbers of one check round (one Messaging Service, one Quo workspace): asked once. */
export type CheckRound = Map<string, Promise<unknown>>;
export const newCheckRound = (): CheckRound => new Map();

function once<T>(round: CheckRound, key: string, ask: () => Promise<T>): Promise<T> {
  const known = round.get(key) as Promise<T> | undefined;
  if (known) return known;
  const asked = ask();
  round.set(key, asked);
  return asked;
}

/** A generic number texts through Twilio only when it is proven there (hosted SMS, or a Twilio number). */
function textsThroughTwilio(number: NumberWithCredentials): boolean {
  if (number.provider === "twilio") return true;
  return number.provider === "generic" && number.proofStatus === "proven" && (number.twilioOrigin === "hosted" || number.twilioOrigin === "twilio");
}

export async function readinessOf(number: NumberWithCredentials, round: CheckRound = newCheckRound()): Promise<A2pReport> {
  if (number.provider === "aircall") return aircallReadiness();
  if (number.provider === "openphone") {
    const key = number.credentials.openphoneApiKey;
    if (!key) return quoReadiness({ apiKey: false });
    const registration = await once(round, `quo:${number.orgId}`, () => fetchQuoRegistration(key));
    return quoReadiness({ apiKey: true, registration });
  }
  if (!textsThroughTwilio(number)) return cannotTextReadiness();
  const sid = number.credentials.twilioMessagingServiceSid;
  const service = await once<ServiceAnswers>(round, `twilio:${number.orgId}:${sid ?? "none"}`, () => fetchServiceAnswers(sid));
  return twilioReadiness({ ...service, e164: number.e164 });
}

export type CheckOutcome = { id: string; e164: string; status: A2pStatus; resumed: boolean };

export async function checkNumberA2p({
  orgId,
  numberId,
  now = new Date(),
  round,
}: {
  orgId: string;
  numberId: string;
  now?: Date;
  round?: CheckRound;
}): Promise<CheckOutcome | null> {
  const number = await getNumberById({ orgId, id: numberId });
  if (!number) return null;
  const report = await readinessOf(number, round);
  await setNumberA2p({ id: number.id, status: report.status, detail: { steps: report.steps }, at: now });
  const resumed = report.status === "verified" && number.sendingPausedAt !== null ? await resumeSendingNumber({ id: number.id, at: now }) : false;
  return { id: number.id, e164: number.e164, status: report.status, resumed };
}
