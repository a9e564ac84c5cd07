// `npm run twilio:stand-in [-- --port 4010]`: the local Twilio REST API stand-in (tools/twilio-stand-in.ts)
// on its own, auto-delivering status callbacks, for pointing a dev server at it through TWILIO_API_BASE.
import { startTwilioStandIn } from "@/tools/twilio-stand-in";

async function main(): Promise<void> {
  const arg = process.argv.indexOf("--port");
  const port = arg >= 0 ? Number(process.argv[arg + 1]) : 4010;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("--port must be a port number");
  const standIn = await startTwilioStandIn({
    port,
    autoDeliver: true,
    onMessage: (m) => console.log(`${new Date(m.receivedAtEpochMs).toISOString()} ${m.sid} ${m.from} -> ${m.to}: ${JSON.stringify(m.body)}`),
  });
  console.log(`Twilio stand-in listening on ${standIn.url} (auto-delivering status callbacks)`);
  console.log(`TWILIO_API_BASE=${standIn.url} TWILIO_ACCOUNT_SID=${standIn.accountSid} TWILIO_AUTH_TOKEN=${standIn.authToken}`);
  const stop = () => void standIn.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
