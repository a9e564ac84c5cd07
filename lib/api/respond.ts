// How the read API answers: JSON that no cache keeps, errors as { error, message } (plus the
// parameter for a 400), and the Bearer challenge on a 401.
import { AppError, errorResponse } from "@/lib/errors";
import { ParamError } from "./params";

const NO_STORE = { "Cache-Control": "no-store" };

export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function apiErrorResponse(error: unknown, context: string): Response {
  if (error instanceof ParamError) return apiJson({ error: error.code, message: error.message, param: error.param }, error.status);
  if (error instanceof AppError && error.code === "unauthorized") {
    return Response.json({ error: error.code, message: error.message }, { status: 401, headers: { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="rebound"' } });
  }
  const response = errorResponse(error, context);
  response.headers.set("Cache-Control", "no-store");
  return response;
}
