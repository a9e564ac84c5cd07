// The shared front door of every Twilio webhook: size limit → form body → signature → handler,
// with status codes chosen on purpose (docs/style.md rule 2).
import { AppError, errorResponse } from "@/lib/errors";
import { env } from "@/lib/env";
import { readFormBody } from "@/lib/http/body";
import type { Defer } from "@/lib/server/defer";
import { publicUrlOf, verifyTwilioSignature } from "./verify";

/** `query` is the signed URL's query string (our own StatusCallback URLs carry the message id). */
export type TwilioContext = { params: Record<string, string>; query: URLSearchParams; defer: Defer };

export async function handleTwilioWebhook(request: Request, defer: Defer, name: string, handler: (context: TwilioContext) => Promise<Response>): Promise<Response> {
  try {
    const token = env().twilioSigningToken;
    if (!token) throw new AppError("not_configured", "TWILIO_AUTH_TOKEN is not set, so Twilio webhooks cannot be verified.");
    const params = await readFormBody(request);
    const verdict = verifyTwilioSignature({
      authToken: token,
      signature: request.headers.get("x-twilio-signature"),
      url: publicUrlOf(request.url, env().appUrl),
      params,
    });
    if (!verdict.ok) {
      const message = verdict.reason === "missing_signature" ? "X-Twilio-Signature header is missing." : "X-Twilio-Signature does not match.";
      throw new AppError("invalid_signature", message);
    }
    return await handler({ params, query: new URL(request.url).searchParams, defer });
  } catch (error) {
    return errorResponse(error, `twilio/${name}`);
  }
}

export function badRequest(message: string): Response {
  return Response.json({ error: "bad_request", message }, { status: 400 });
}
