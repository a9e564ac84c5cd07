// The part of the auth setup the proxy needs: pages, session shape, who may pass. No database here.
import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";

export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  providers: [],
  callbacks: {
    authorized({ auth, request: { nextUrl } }) {
      const signedIn = Boolean(auth?.user);
      if (nextUrl.pathname.startsWith("/login")) {
        return signedIn ? Response.redirect(new URL("/inbox", nextUrl)) : true;
      }
      return signedIn;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  logger: {
    // A wrong password is not an error worth a stack trace in the server log.
    error(error) {
      if (error.name === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
} satisfies NextAuthConfig;

/** Read lazily, per request: `next build` must not need the secret, `next start` refuses without it. */
export function authConfigWithSecret(): NextAuthConfig {
  return { ...authConfig, secret: env().authSecret };
}
