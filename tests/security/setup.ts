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
