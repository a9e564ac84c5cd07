// `npm run providers:stand-in [-- --port 4020] [-- --app http://localhost:3000]`: the local Quo (port)
// and Aircall (port + 1) REST API stand-ins (tools/quo-stand-in.ts, tools/aircall-stand-in.ts) on
// their own, for pointing a dev server at them through OPENPHONE_API_BASE / AIRCALL_API_BASE. Like
// the Twilio stand-in's status callbacks, each text they accept is reported back to the app as
// delivered, the way each provider does it: a signed Quo `message.delivered`, Aircall's
// `message.sent` then `message.status_updated`. Signed with the demo spa's development secrets
// (./.data/dev-secrets.json, or OPENPHONE_WEBHOOK_SECRET / AIRCALL_WEBHOOK_TOKEN), as `simulate` does.
import { parseArgs } from "node:util";
import { readOrCreateDevSecrets } from "@/lib/env";
import { quoMessagePayload } from "@/lib/telephony/openphone/message-samples";
import { signedOpenPhoneRequest } from "@/lib/telephony/openphone/samples";
import { startAircallStandIn } from "@/tools/aircall-stand-in";
import { startQuoStandIn, type QuoStandInMessage } from "@/tools/quo-stand-in";

function options() {
  const { values } = parseArgs({ options: { port: { type: "string", default: "4020" }, app: { type: "string" } }, strict: true });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65534) throw new Error("--port must be a port number (the next one is Aircall's)");
  const app = (values.app ?? process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
  return { port, app };
}

async function main(): Promise<void> {
  const { port, app } = options();
  const dev = process.env.OPENPHONE_WEBHOOK_SECRET && process.env.AIRCALL_WEBHOOK_TOKEN ? undefined : readOrCreateDevSecrets();
  const quoSecret = process.env.OPENPHONE_WEBHOOK_SECRET ?? dev!.openphoneWebhookSecret;
  const aircallToken = process.env.AIRCALL_WEBHOOK_TOKEN ?? dev!.aircallWebhookToken;
  const log = (provider: string) => (m: { id: string; from: string; to: string; body?: string; content?: string }) =>
    console.log(`${new Date().toISOString()} ${provider} ${m.id} ${m.from} -> ${m.to}: ${JSON.stringify(m.content ?? m.body)}`);

  /** Quo reports a text it sent with a signed message.delivered webhook (its 2026-03-30 envelope). */
  const reportQuo = async (m: QuoStandInMessage) => {
    const payload = quoMessagePayload({ generation: "current", type: "message.delivered", from: m.from, to: m.to, body: m.content, id: m.id });
    const response = await fetch(signedOpenPhoneRequest({ url: `${app}/api/webhooks/openphone`, payload, secret: quoSecret }));
    console.log(`  Quo message.delivered for ${m.id} → ${response.status}`);
  };
  const quo = await startQuoStandIn({
    port,
    onMessage: (m) => {
      log("quo")(m);
      setTimeout(() => void reportQuo(m).catch((error: unknown) => console.log(`  Quo report not delivered: ${String(error)}`)), 100);
    },
  });
  const aircall = await startAircallStandIn({
    port: port + 1,
    onMessage: log("aircall"),
    webhook: { url: `${app}/api/webhooks/aircall`, token: aircallToken },
    autoWebhooks: true,
  });
  console.log(`Quo stand-in on ${quo.url}, Aircall stand-in on ${aircall.url}; delivery reports go to ${app}`);
  console.log(`OPENPHONE_API_BASE=${quo.url} AIRCALL_API_BASE=${aircall.url}`);
  console.log(`Settings → Integrations: Quo API key ${quo.apiKey}; Aircall API ID ${aircall.apiId}, API token ${aircall.apiToken}`);
  const stop = () => void Promise.all([quo.close(), aircall.close()]).then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
