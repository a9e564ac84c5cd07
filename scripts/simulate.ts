// `npm run simulate`: a stand-in phone system. Posts correctly signed, real-format Twilio webhooks
// at a running Rebound (a caller rings a Rebound number, nobody answers, optionally texts back),
// so the whole loop can be seen without a Twilio account.
//
//   npm run simulate                                  missed call to Downtown from a random caller
//   npm run simulate -- --reply "Can I come in today?" and the caller replies
//   npm run simulate -- --to +13105550199 --from +12135550147 --mode call-status --voicemail
import { parseArgs } from "node:util";
import { readOrCreateDevSecrets } from "@/lib/env";
import { formatPhone, toE164 } from "@/lib/phone";
import {
  callStatusPayload,
  dialActionPayload,
  inboundSmsPayload,
  recordingPayload,
  signedTwilioRequest,
  voicePayload,
  type Params,
} from "./twilio-payloads";

const USAGE = `Usage: npm run simulate -- [--url http://localhost:3000] [--to +13105550100] [--from +1…]
                           [--mode dial|call-status] [--voicemail] [--reply "text"]`;

function randomCaller(): string {
  const exchange = 200 + Math.floor(Math.random() * 800);
  const line = String(Math.floor(Math.random() * 10_000)).padStart(4, "0");
  return `+1213${exchange}${line}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      to: { type: "string", default: "+13105550100" },
      from: { type: "string" },
      mode: { type: "string", default: "dial" },
      voicemail: { type: "boolean", default: false },
      reply: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const target = (values.url ?? process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
  // Twilio signs the public URL the app is configured with; locally that is the same URL.
  const appUrl = (process.env.APP_URL ?? target).replace(/\/+$/, "");
  const authToken = process.env.TWILIO_AUTH_TOKEN ?? readOrCreateDevSecrets().twilioSigningToken;
  const accountSid = process.env.TWILIO_ACCOUNT_SID ?? "AC" + "5".repeat(32);
  const to = toE164(values.to);
  const from = values.from ? toE164(values.from) : randomCaller();
  if (!to || !from) throw new Error(`Not a phone number: ${!to ? values.to : values.from}\n${USAGE}`);
  if (values.mode !== "dial" && values.mode !== "call-status") throw new Error(`--mode must be dial or call-status\n${USAGE}`);

  const post = async (path: string, params: Params): Promise<Response> => {
    const request = signedTwilioRequest({ appUrl, path, params, authToken, sendTo: target });
    const response = await fetch(request).catch((error: unknown) => {
      throw new Error(`Could not reach Rebound at ${target} (${String(error)}). Is it running? Start it with: npm run dev`);
    });
    console.log(`  POST ${path} → ${response.status}`);
    if (response.status >= 400) console.log(`    ${await response.text()}`);
    return response;
  };

  console.log(`Simulating a missed call from ${formatPhone(from)} to ${formatPhone(to)} at ${target}`);
  let callSid: string;
  if (values.mode === "dial") {
    const voice = voicePayload({ accountSid, from, to });
    callSid = voice.CallSid!;
    const forwarded = await post("/api/webhooks/twilio/voice", voice);
    if (!forwarded.ok) return process.exitCode = 1, undefined;
    await post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid, callSid, from, to, dialCallStatus: "no-answer" }));
  } else {
    const status = callStatusPayload({ accountSid, from, to, callStatus: "no-answer" });
    callSid = status.CallSid!;
    await post("/api/webhooks/twilio/call-status", status);
  }
  if (values.voicemail) await post("/api/webhooks/twilio/voicemail", recordingPayload({ accountSid, callSid }));
  if (values.reply) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    console.log(`The caller replies: "${values.reply}"`);
    await post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid, from, to, body: values.reply }));
  }
  console.log(`Done. Open ${target}/inbox to see the conversation.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
