// The server's start-up runs once per process: in development a reload evaluates lib/server/start.ts
// again (a new module instance), and a second set of sweeper loops would poll the database for good.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const started = vi.hoisted(() => ({ sweepers: 0, databases: 0, seedHandedBeforeOpen: [] as boolean[], onCreated: undefined as unknown }));

vi.mock("@/db/client", () => ({
  getDbHandle: async () => {
    started.databases += 1;
    started.seedHandedBeforeOpen.push(typeof started.onCreated === "function");
    return {};
  },
  onEmbeddedDatabaseCreated: (hook: unknown) => {
    started.onCreated = hook;
  },
}));
vi.mock("@/lib/messaging/sweeper", () => ({
  startSweeper: () => {
    started.sweepers += 1;
    return { stop: async () => {} };
  },
}));

const STARTED = Symbol.for("rebound.serverStarted");

describe("startServer", () => {
  let signalListeners: number;
  let before: Map<NodeJS.Signals, NodeJS.SignalsListener[]>;
  beforeEach(() => {
    before = new Map((["SIGTERM", "SIGINT"] as const).map((signal) => [signal, process.listeners(signal)]));
    delete (globalThis as Record<symbol, unknown>)[STARTED];
    started.sweepers = 0;
    started.databases = 0;
    started.seedHandedBeforeOpen = [];
    started.onCreated = undefined;
    signalListeners = process.listenerCount("SIGTERM");
  });
  afterEach(() => {
    for (const [signal, kept] of before) {
      for (const listener of process.listeners(signal)) if (!kept.includes(listener)) process.off(signal, listener);
    }
    delete (globalThis as Record<symbol, unknown>)[STARTED];
  });

  it("starts the sweeper and adds its signal listener once, however often the module is evaluated", async () => {
    for (let reload = 0; reload < 3; reload++) {
      vi.resetModules();
      const { startServer } = await import("./start");
      await startServer();
      await startServer();
    }
    expect(started.sweepers).toBe(1);
    expect(started.databases).toBe(1);
    expect(process.listenerCount("SIGTERM")).toBe(signalListeners + 1);
  });

  it("hands the database the demo seed before opening it outside production, and nothing in production", async () => {
    vi.resetModules();
    await (await import("./start")).startServer();
    expect(started.seedHandedBeforeOpen).toEqual([true]);

    delete (globalThis as Record<symbol, unknown>)[STARTED];
    started.onCreated = undefined;
    started.seedHandedBeforeOpen = [];
    vi.resetModules();
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "x".repeat(32));
    try {
      await (await import("./start")).startServer();
    } finally {
      vi.unstubAllEnvs();
    }
    expect(started.seedHandedBeforeOpen).toEqual([false]);
  });
});
