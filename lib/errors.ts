// One error type with a closed set of codes, mapped to HTTP in one place.
import { describeError, logError } from "@/lib/log";

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  invalid_signature: 403,
  forbidden: 403,
  /** A phone-system webhook for a number registered with another provider. */
  provider_mismatch: 403,
  /** A phone-system webhook for an organization that has not turned that integration on. */
  integration_off: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  /** Too many attempts (signing in): the message says when to try again. */
  too_many_requests: 429,
  not_configured: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The JSON answer for an error; unexpected errors are logged (a safe summary, lib/log.ts) and answered 500. */
export function errorResponse(error: unknown, context: string): Response {
  if (error instanceof AppError) {
    if (error.status >= 500) console.error(`[${context}] ${describeError(error)}`);
    return Response.json({ error: error.code, message: error.message }, { status: error.status });
  }
  logError(context, error, "unexpected error");
  return Response.json({ error: "internal", message: "Something went wrong; the request can be retried." }, { status: 500 });
}
