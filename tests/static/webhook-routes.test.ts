// One table of webhook routes (lib/intake/routes.ts): every route in it has its file under
// app/api/webhooks, that file is nothing but `webhookRoute(<its own route>)`, and no webhook route
// file exists outside the table. So the routes, "Send a test event" and the integration tests'
// harness (which loads these very files) can never disagree about which door a path opens.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WEBHOOK_ROUTES } from "@/lib/intake/routes";

const ROOT = path.resolve(__dirname, "../..");
const WEBHOOKS = path.join(ROOT, "app/api/webhooks");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [path.relative(WEBHOOKS, path.dirname(full)).split(path.sep).join("/")] : [];
  });
}

describe("the webhook route table", () => {
  const onDisk = routeFiles(WEBHOOKS).sort();

  it("has exactly one route file per entry, and no route file outside it", () => {
    expect(onDisk).toEqual(Object.keys(WEBHOOK_ROUTES).sort());
  });

  it.each(onDisk)("app/api/webhooks/%s/route.ts only opens its own door from the table", (route) => {
    const source = readFileSync(path.join(WEBHOOKS, route, "route.ts"), "utf8");
    const code = source
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("//"))
      .join("\n");
    expect(code).toBe(`import { webhookRoute } from "@/lib/intake/routes";\n\nexport const POST = webhookRoute("${route}");`.replace("\n\n", "\n"));
  });
});
