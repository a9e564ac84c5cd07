// Sends signed-out visitors to /login. Webhooks carry signatures and the read API (/api/v1/) bearer
// tokens, not sessions, so they skip it, as does the benchmark's baseline (/api/bench/, a 404 unless
// BENCH_ROUTES=1); pages, actions and APIs still check the session and role themselves.
import NextAuth from "next-auth";
import { authConfigWithSecret } from "./auth.config";

const { auth } = NextAuth(authConfigWithSecret);

export default auth;

export const config = {
  matcher: ["/((?!api/webhooks|api/bench/|api/v1/|api/auth|api/health|b/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)"],
};
