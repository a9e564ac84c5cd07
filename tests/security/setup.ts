// Loaded before every security test file: only the session cookie is stubbed (`auth()` returns the
// session the test chose); the session, member and role lookups behind it are the real ones.
import { vi } from "vitest";

export type StubbedSession = { sessionId: string; user: { id: string } } | null;
const holder = globalThis as unknown as { __reboundSession?: StubbedSession };
holder.__reboundSession = null;

vi.mock("@/auth", () => ({
  auth: vi.fn(async () => (globalThis as unknown as { __reboundSession?: StubbedSession }).__reboundSession ?? null),
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: {},
}));
// The public actions (signup, invitations) import next-auth's error class; its package entry does not
// resolve outside Next's bundler, and nothing else of it runs here.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));
// Outside a request there is no `after`: deferred work runs right away instead.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: Promise<unknown> | (() => unknown)) => void (typeof task === "function" ? Promise.resolve().then(task) : task),
}));
// Server actions read the client's address from the request (lib/http/request-address.ts), and
// outside a request there is none: each call gets a test address of its own, so the per-address
// signup and invitation limits never decide a test here (tests/security/auth.test.ts replays those
// limits over HTTP against next start, where the address is the socket's).
vi.mock("@/lib/http/request-address", () => ({
  requestAddress: async () => {
    const counter = globalThis as unknown as { __reboundAddresses?: number };
    counter.__reboundAddresses = (counter.__reboundAddresses ?? 0) + 1;
    return `198.18.${Math.floor(counter.__reboundAddresses / 250)}.${counter.__reboundAddresses % 250}`;
  },
}));
