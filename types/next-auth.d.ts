// The session carries the id of its row in `sessions` (revocable), nothing about role or org:
// those are read fresh on every request.
import "next-auth";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}
