// Runs before every page: sends signed-out visitors to /login, and gives each page its Content
// Security Policy with a fresh nonce, which Next.js reads from the request and puts on its own
// scripts (lib/http/security-headers.ts). Webhooks carry signatures and the read API (/api/v1/)
// bearer tokens, not sessions, so they skip it, as does the benchmark's baseline (/api/bench/, a
// 404 unless BENCH_ROUTES=1); pages, actions and APIs still check the session
// and role themselves.
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfigWithSecret, isPublicPage } from "./auth.config";
import { newNonce, pageContentSecurityPolicy, servedOverHttps } from "./lib/http/security-headers";

const { auth } = NextAuth(authConfigWithSecret);

const handle = auth((request) => {
  if (!request.auth?.user && !isPublicPage(request.nextUrl.pathname)) {
    const login = request.nextUrl.clone();
    login.pathname = "/login";
    login.search = "";
    login.searchParams.set("callbackUrl", request.nextUrl.href);
    return NextResponse.redirect(login);
  }
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy({ nonce, https: servedOverHttps(request), dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
});

/** With a lazy config, NextAuth's `auth(callback)` hands back a promise of the handler, not the handler. */
export default async function proxy(...args: Parameters<typeof handle>): Promise<Response | void> {
  const handler: typeof handle = await handle;
  return handler(...args);
}

export const config = {
  matcher: ["/((?!api/webhooks|api/bench/|api/v1/|api/auth|api/health|b/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)"],
};
