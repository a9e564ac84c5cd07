// GET/POST /api/auth/*: next-auth's own endpoints (session, sign-in, sign-out, CSRF).
import { handlers } from "@/auth";

export const { GET, POST } = handlers;
