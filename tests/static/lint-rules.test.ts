// The house's architecture rules (tools/eslint/house-rules.mjs, wired in eslint.config.mjs) fire where
// docs/architecture.md says they should and nowhere else. Each case lints a small snippet through
// ESLint's Node API with the repository's own config, as if it were the file at `path`.
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
let eslint: ESLint;

// Loading the config (Next's plugins, typescript-eslint) takes seconds on a busy machine: once, here.
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  await eslint.lintText("export const warm = 1;\n", { filePath: path.join(ROOT, "lib/warm.ts") });
}, 120_000);

/** The house rules a snippet breaks, as "rule: message", when linted as the file at `file`. */
async function houseProblems(file: string, code: string): Promise<{ rule: string; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  expect(result, `no lint result for ${file}`).toBeDefined();
  const ignored = result!.messages.filter((m) => m.ruleId === null && /ignored/i.test(m.message));
  expect(ignored, `${file} is ignored by the lint config`).toEqual([]);
  return result!.messages.filter((m) => m.ruleId?.startsWith("house/")).map((m) => ({ rule: m.ruleId!, message: m.message }));
}

async function rulesBroken(file: string, code: string): Promise<string[]> {
  return (await houseProblems(file, code)).map((p) => p.rule);
}

describe("screens never import db/client", () => {
  it.each([
    ["components/inbox/list.tsx", `import { getDb } from "@/db/client";\nexport const open = getDb;\n`],
    ["components/inbox/list.tsx", `import type { Db } from "@/db/client";\nexport type Handle = Db;\n`],
    ["components/settings/team/list.tsx", `import { getDb } from "../../../db/client.ts";\nexport const open = getDb;\n`],
    ["components/inbox/list.tsx", `export async function open() {\n  return (await import("@/db/client")).getDb();\n}\n`],
    ["components/inbox/list.tsx", `export type Handle = import("@/db/client").Db;\n`],
    ["app/(dashboard)/inbox/page.tsx", `import { getDb } from "@/db/client";\nexport const open = getDb;\n`],
    ["app/(dashboard)/layout.tsx", `import { getDb } from "../../db/client";\nexport const open = getDb;\n`],
  ])("%s: %s is refused, pointing at the architecture doc", async (file, code) => {
    const problems = await houseProblems(file, code);
    expect(problems.map((p) => p.rule)).toEqual(["house/no-db-client-in-ui"]);
    expect(problems[0]!.message).toMatch(/db\/queries.*docs\/architecture\.md/);
  });

  it.each([
    ["components/inbox/list.tsx", `import { listConversations } from "@/db/queries/inbox";\nexport const list = listConversations;\n`],
    ["components/inbox/list.tsx", `import { ClientOnly } from "./client";\nexport const C = ClientOnly;\n`],
    ["app/(dashboard)/inbox/actions.ts", `import { getDb } from "@/db/client";\nexport const open = getDb;\n`],
    ["app/api/health/route.ts", `import { getDb } from "@/db/client";\nexport const open = getDb;\n`],
    ["db/queries/inbox.ts", `import { getDb } from "../client";\nexport const open = getDb;\n`],
    ["lib/sending/outbox.ts", `import { getDb } from "@/db/client";\nexport const open = getDb;\n`],
  ])("%s may import %s", async (file, code) => {
    expect(await rulesBroken(file, code)).toEqual([]);
  });
});

describe("product code never imports scripts/ or tools/", () => {
  it.each([
    ["lib/integrations/test-request.ts", `import { sid } from "@/scripts/twilio-payloads";\nexport const s = sid;\n`],
    ["lib/integrations/test-request.ts", `import type { Payload } from "../../scripts/twilio-payloads";\nexport type P = Payload;\n`],
    ["components/settings/test-button.tsx", `import { free } from "@/tools/ports";\nexport const f = free;\n`],
    ["app/(dashboard)/settings/integrations/actions.ts", `export { genericEvent } from "@/scripts/generic-payloads";\n`],
    ["db/queries/calls.ts", `import { x } from "../../scripts/bench-load";\nexport const y = x;\n`],
    ["db/client.ts", `export async function load() {\n  return import("../tools/test-database");\n}\n`],
    ["proxy.ts", `import { x } from "./scripts/simulate";\nexport const y = x;\n`],
    ["instrumentation.ts", `import { x } from "@/scripts/simulate";\nexport const y = x;\n`],
    ["auth.config.ts", `import { x } from "./tools/x";\nexport const y = x;\n`],
  ])("%s: %s is refused, pointing at the architecture doc", async (file, code) => {
    const problems = await houseProblems(file, code);
    expect(problems.map((p) => p.rule)).toEqual(["house/no-dev-tooling-import"]);
    expect(problems[0]!.message).toMatch(/lib\/.*docs\/architecture\.md/);
  });

  it.each([
    ["scripts/simulate.ts", `import { sid } from "./twilio-payloads";\nexport const s = sid;\n`],
    ["db/seed-demo.ts", `import { sid } from "@/scripts/twilio-payloads";\nexport const s = sid;\n`],
    ["lib/telephony/twilio/parse.test.ts", `import { sid } from "@/scripts/twilio-payloads";\nexport const s = sid;\n`],
    ["tests/integration/twilio.test.ts", `import { free } from "@/tools/ports";\nexport const f = free;\n`],
    ["e2e/inbox.spec.ts", `import { free } from "../tools/ports";\nexport const f = free;\n`],
    ["lib/integrations/test-request.ts", `import { sid } from "@/lib/telephony/twilio/samples";\nexport const s = sid;\n`],
    ["lib/integrations/test-request.ts", `import { scripts } from "@/lib/scripts";\nexport const s = scripts;\n`],
  ])("%s may import %s", async (file, code) => {
    expect(await rulesBroken(file, code)).toEqual([]);
  });
});

describe("named exports only, and no barrels", () => {
  it.each([
    ["lib/format.ts", `export default function format() {\n  return "";\n}\n`],
    ["components/ui/button.tsx", `function Button() {\n  return null;\n}\nexport { Button as default };\n`],
    ["app/(dashboard)/inbox/actions.ts", `export default async function save() {}\n`],
    ["app/api/health/route.ts", `export default async function GET() {}\n`],
    ["tests/integration/harness.ts", `export default {};\n`],
  ])("%s: a default export is refused", async (file, code) => {
    const problems = await houseProblems(file, code);
    expect(problems.map((p) => p.rule)).toEqual(["house/no-default-export"]);
    expect(problems[0]!.message).toMatch(/named export.*docs\/architecture\.md/);
  });

  it.each([
    "app/page.tsx",
    "app/(dashboard)/inbox/[conversationId]/page.tsx",
    "app/layout.tsx",
    "app/(dashboard)/calls/loading.tsx",
    "app/(dashboard)/error.tsx",
    "app/global-error.tsx",
    "app/not-found.tsx",
    "app/(dashboard)/settings/template.tsx",
    "app/@modal/default.tsx",
    "app/sitemap.ts",
    "proxy.ts",
    "next.config.ts",
    "playwright.config.ts",
    "vitest.config.mts",
    "drizzle.config.ts",
    "postcss.config.mjs",
    "e2e/global-setup.ts",
    "tests/integration/global-setup.ts",
  ])("%s: the framework or its tool loads the default export, so it is allowed", async (file) => {
    expect(await rulesBroken(file, `export default function handler() {\n  return null;\n}\n`)).toEqual([]);
  });

  it("a barrel re-exporting everything is refused; the drizzle schema entry is the one exception", async () => {
    const problems = await houseProblems("lib/telephony/index.ts", `export * from "./call-event";\n`);
    expect(problems.map((p) => p.rule)).toEqual(["house/no-export-all"]);
    expect(problems[0]!.message).toMatch(/"\.\/call-event".*docs\/architecture\.md/);
    expect(await rulesBroken("db/schema/index.ts", `export * from "./calls";\n`)).toEqual([]);
  });
});
