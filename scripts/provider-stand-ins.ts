// `npm run providers:stand-in [-- --port 4020]`: the local Quo (port) and Aircall (port + 1) REST API
// stand-ins (tools/quo-stand-in.ts, tools/aircall-stand-in.ts) on their own, for pointing a dev server
// at them through OPENPHONE_API_BASE / AIRCALL_API_BASE with the demo spa's Quo key and Aircall id/token.
import { startAircallStandIn } from "@/tools/aircall-stand-in";
import { startQuoStandIn } from "@/tools/quo-stand-in";

async function main(): Promise<void> {
  const arg = process.argv.indexOf("--port");
  const port = arg >= 0 ? Number(process.argv[arg + 1]) : 4020;
  if (!Number.isInteger(port) || port < 1 || port > 65534) throw new Error("--port must be a port number (the next one is Aircall's)");
  const log = (provider: string) => (m: { id: string; from: string; to: string; body?: string; content?: string }) =>
    console.log(`${new Date().toISOString()} ${provider} ${m.id} ${m.from} -> ${m.to}: ${JSON.stringify(m.content ?? m.body)}`);
  const quo = await startQuoStandIn({ port, onMessage: log("quo") });
  const aircall = await startAircallStandIn({ port: port + 1, onMessage: log("aircall") });
  console.log(`Quo stand-in on ${quo.url}, Aircall stand-in on ${aircall.url}`);
  console.log(
    `OPENPHONE_API_BASE=${quo.url} OPENPHONE_API_KEY=${quo.apiKey} AIRCALL_API_BASE=${aircall.url} AIRCALL_API_ID=${aircall.apiId} AIRCALL_API_TOKEN=${aircall.apiToken}`,
  );
  const stop = () => void Promise.all([quo.close(), aircall.close()]).then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
