// The real twilio client, with every Twilio host (Messages, Lookup) swapped for TWILIO_API_BASE
// when it is set, so tests and benchmarks exercise the same code path against a local stand-in.
import twilio from "twilio";
import { env } from "@/lib/env";

type RequestOptions<TData> = import("twilio/lib/base/RequestClient").RequestOptions<TData>;

export type TwilioClient = ReturnType<typeof twilio>;

/** Request timeout: long enough for Twilio's p99, short enough to retry inside a minute. */
export const TWILIO_TIMEOUT_MS = 10_000;

class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly base: URL) {
    super({ timeout: TWILIO_TIMEOUT_MS, keepAlive: true });
  }
  override request<TData>(opts: RequestOptions<TData>) {
    const target = new URL(opts.uri);
    const rewritten = new URL(target.pathname + target.search, this.base);
    return super.request<TData>({ ...opts, uri: rewritten.toString() });
  }
}

let cached: { key: string; client: TwilioClient } | undefined;

/** The client for sending, or null when no credentials are set (texts are then `simulated`). */
export function twilioClient(): TwilioClient | null {
  const { twilio: credentials, twilioApiBase } = env();
  if (!credentials) return null;
  const key = `${credentials.accountSid}|${twilioApiBase ?? ""}`;
  if (cached?.key !== key) {
    const httpClient = twilioApiBase ? new BaseUrlRequestClient(new URL(twilioApiBase)) : new twilio.RequestClient({ timeout: TWILIO_TIMEOUT_MS, keepAlive: true });
    cached = { key, client: twilio(credentials.accountSid, credentials.authToken, { httpClient }) };
  }
  return cached.client;
}
