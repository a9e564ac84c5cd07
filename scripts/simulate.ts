// `npm run simulate`: a stand-in phone system. Posts correctly signed, real-format webhooks of
// Twilio, OpenPhone / Quo, Aircall or the generic API at a running Rebound, one scenario at a time
// (missed, after hours, repeat caller, STOP, hot reply, landline, hold abandon, voicemail), so the
// whole loop can be seen without any phone account. The plan is built in tools/simulate-scenarios.ts.
//
//   npm run simulate                                             missed call to Downtown, new caller
//   npm run simulate -- --provider aircall --scenario after-hours  to Westside's Aircall line
//   (each provider dials the demo number registered with it: Quo +13105550160, Aircall +13105550170,
//   generic +13105550180; a number refuses other providers' events)
//   npm run simulate -- --scenario stop
//   npm run simulate -- --to +13105550199 --voicemail --reply "Can I come in today?"
import { readOrCreateDevSecrets } from "@/lib/env";
import { formatPhone } from "@/lib/phone";
import { aircallRequest } from "@/lib/telephony/aircall/samples";
import { signedGenericRequest } from "@/lib/telephony/generic/samples";
import { signedOpenPhoneRequest } from "@/lib/telephony/openphone/samples";
import { parseSimulateArgs, planScenario, resolveTargets, USAGE, UsageError, type PlannedStep } from "@/tools/simulate-scenarios";
import { signedTwilioRequest } from "@/lib/telephony/twilio/samples";

type Secrets = { twilioAuthToken: string; openphoneSecret: string; aircallToken: string; genericSecret: string };

/**
 * The secrets to sign with: environment variables first, else ./.data/dev-secrets.json. These are
 * the values `npm run db:seed` stored as the demo organization's own secrets (lib/env.ts
 * seedWebhookSecrets); the app itself verifies with the organization's secrets only.
 */
function secretsFromEnv(source: NodeJS.ProcessEnv): Secrets {
  const set = (name: string) => source[name]?.trim() || undefined;
  const needsDev = !set("TWILIO_AUTH_TOKEN") || !set("OPENPHONE_WEBHOOK_SECRET") || !set("AIRCALL_WEBHOOK_TOKEN") || !set("GENERIC_WEBHOOK_SECRET");
  const dev = needsDev ? readOrCreateDevSecrets() : undefined;
  const pick = (name: string, fallback: string | undefined): string => {
    const value = set(name) ?? fallback;
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  return {
    twilioAuthToken: pick("TWILIO_AUTH_TOKEN", dev?.twilioSigningToken),
    openphoneSecret: pick("OPENPHONE_WEBHOOK_SECRET", dev?.openphoneWebhookSecret),
    aircallToken: pick("AIRCALL_WEBHOOK_TOKEN", dev?.aircallWebhookToken),
    genericSecret: pick("GENERIC_WEBHOOK_SECRET", dev?.genericWebhookSecret),
  };
}

/** The request exactly as the step's phone system would send it. */
function requestOf(step: PlannedStep, targets: { sendTo: string; signedUrl: string }, secrets: Secrets): Request {
  const url = `${targets.sendTo}${step.path}`;
  switch (step.kind) {
    case "twilio":
      return signedTwilioRequest({ appUrl: targets.signedUrl, sendTo: targets.sendTo, path: step.path, params: step.params, authToken: secrets.twilioAuthToken });
    case "openphone":
      return signedOpenPhoneRequest({ url, payload: step.payload, secret: secrets.openphoneSecret, generation: step.generation });
    case "aircall":
      return aircallRequest({ url, payload: step.payload }); // the token travels inside the body
    case "generic":
      return signedGenericRequest({ url, body: step.body, secret: secrets.genericSecret });
  }
}

/** What a JSON provider's answer says happened (`recorded`, `duplicate`, or why it was ignored). */
function outcomeOf(body: string): string {
  try {
    const json: unknown = JSON.parse(body);
    if (typeof json !== "object" || json === null) return "";
    const { result, ignored } = json as { result?: unknown; ignored?: unknown };
    return typeof ignored === "string" ? ` (ignored: ${ignored})` : typeof result === "string" ? ` (${result})` : "";
  } catch {
    return ""; // TwiML
  }
}

class Unreachable extends Error {}

async function main(): Promise<number> {
  const options = parseSimulateArgs(process.argv.slice(2));
  if (options.help) return (console.log(USAGE), 0);
  const targets = resolveTargets(options.url, { APP_URL: process.env.APP_URL, PORT: process.env.PORT });
  const secrets = secretsFromEnv(process.env);
  const accountSid = process.env.TWILIO_ACCOUNT_SID?.trim() || "AC" + "5".repeat(32);
  const plan = planScenario(options, { now: new Date(), accountSid, aircallToken: secrets.aircallToken });

  console.log(`Simulating "${options.scenario}" via ${plan.provider}: ${formatPhone(plan.from)} calls ${formatPhone(plan.to)} at ${targets.sendTo}`);
  for (const note of plan.notes) console.log(`  (${note})`);
  for (const step of plan.steps) {
    if (step.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, step.waitMs));
    const response = await fetch(requestOf(step, targets, secrets)).catch(() => {
      throw new Unreachable(`Could not reach Rebound at ${targets.sendTo}: start it with \`npm run dev\``);
    });
    const body = await response.text();
    console.log(`  POST ${step.path} → ${response.status}${outcomeOf(body)}  ${step.label}`);
    if (!response.ok) {
      console.log(`    ${body.slice(0, 500)}`);
      console.log(`Stopped: Rebound answered ${response.status}, so the rest of "${options.scenario}" was not sent.`);
      return 1;
    }
  }
  console.log(`Look in ${targets.sendTo}/inbox for ${plan.lookFor}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError || error instanceof Unreachable ? error.message : error);
    process.exit(1);
  },
);
