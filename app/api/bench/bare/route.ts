// POST /api/bench/bare: the baseline `npm run bench` compares the missed-call webhook with: the same
// server, the same front door, but only the body read and a 200. Off (404) unless BENCH_ROUTES=1.
import { benchRoutesEnabled } from "@/lib/env";

export async function POST(request: Request): Promise<Response> {
  if (!benchRoutesEnabled()) return Response.json({ error: "not_found" }, { status: 404 });
  await request.text();
  return new Response('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', { headers: { "Content-Type": "text/xml" } });
}
