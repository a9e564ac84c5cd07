import type { NextConfig } from "next";
import { COMMON_SECURITY_HEADERS, NON_PAGE_CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY } from "./lib/http/security-headers";

const WEBHOOK_ANSWER_HEADERS = [{ key: "Cache-Control", value: "no-store, no-transform" }];
const nonPageCsp = [{ key: "Content-Security-Policy", value: NON_PAGE_CONTENT_SECURITY_POLICY }];

const nextConfig: NextConfig = {
  // PGlite ships a wasm build that must be loaded from node_modules, never bundled or served.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // Pages get their Content Security Policy (with a per-request nonce) from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: COMMON_SECURITY_HEADERS },
      { source: "/api/:path*", headers: nonPageCsp },
      // A phone system reads a few bytes of TwiML or JSON and caches nothing: gzip would cost more
      // CPU (and memory) than the bytes it saves. no-transform is what turns Next's compression off.
      { source: "/api/webhooks/:path*", headers: WEBHOOK_ANSWER_HEADERS },
      { source: "/api/bench/:path*", headers: WEBHOOK_ANSWER_HEADERS },
      { source: "/b/:path*", headers: nonPageCsp },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [STRICT_TRANSPORT_SECURITY] },
    ];
  },
};

export default nextConfig;
