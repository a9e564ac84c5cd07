// Sign-in with email and password (scrypt hashes) behind a rate limit (lib/auth/sign-in.ts); the
// session carries the member id only, and every request reads the member (role, organization)
// fresh from the database.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfigWithSecret, SESSION_SECONDS } from "./auth.config";
import { createSession, revokeSession } from "./db/queries/sessions";
import { checkCredentials } from "./lib/auth/sign-in";
import { env } from "./lib/env";
import { clientAddress } from "./lib/http/client-address";

export const credentialsSchema = z.object({
  email: z.email("Enter your email address."),
  password: z.string().min(1, "Enter your password."),
});

/** Too many failed sign-ins for this email from this address, or from this address; the login form says for how long. */
export class TooManySignInAttempts extends CredentialsSignin {
  override code = "rate_limited";
  constructor(readonly retryAfterMinutes: number) {
    super();
  }
}

export const { auth, handlers, signIn, signOut } = NextAuth(() => ({
  ...authConfigWithSecret(),
  events: {
    // Every sign-out, Auth.js' own POST /api/auth/signout included, ends the session row too: a copy
    // of the cookie is worthless afterwards (each request re-reads the row: lib/auth/session.ts).
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sid : undefined;
      if (typeof sessionId === "string") await revokeSession({ sessionId, at: new Date() });
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const checked = await checkCredentials({ ...parsed.data, ip: clientAddress(request.headers, env().trustProxyHops) });
        if (!checked.ok) throw checked.reason === "rate_limited" ? new TooManySignInAttempts(checked.retryAfterMinutes) : new CredentialsSignin();
        const { member } = checked;
        const sessionId = await createSession({ memberId: member.id, expiresAt: new Date(Date.now() + SESSION_SECONDS * 1000) });
        return { id: member.id, email: member.email, name: member.name, sessionId };
      },
    }),
  ],
}));
