// The part of the auth setup the proxy needs: pages, session shape, which pages are public. No database here.
import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";

/** Pages anyone may open; proxy.ts sends signed-out visitors of every other page to /login. */
export function isPublicPage(pathname: string): boolean {
  return ["/login", "/signup", "/invite/"].some((path) => pathname.startsWith(path));
}

/** A front-desk shift plus margin; the session row expires with the cookie. */
export const SESSION_SECONDS = 12 * 60 * 60;

export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_SECONDS },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  logger: {
    // A wrong password is not an error worth a stack trace in the server log.
    error(error) {
      // `type`, not `name`: class names are minified in production builds.
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      logError("auth", error, "error");
    },
  },
} satisfies NextAuthConfig;

/** Read lazily, per request: `next build` must not need the secret, `next start` refuses without it. */
export function authConfigWithSecret(): NextAuthConfig {
  return { ...authConfig, secret: env().authSecret };
}
