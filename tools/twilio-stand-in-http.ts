// The Twilio REST stand-in's (tools/twilio-stand-in.ts) JSON answers and errors, in Twilio's error
// shape (docs/provider-formats.md#twilio-send-message), and its form bodies; shared by its handlers.
import type { IncomingMessage, ServerResponse } from "node:http";

export type Json = Record<string, unknown>;

export const E164 = /^\+[1-9]\d{6,14}$/;

const errorBody = (status: number, code: number, message: string) => ({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

export function send(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export const fail = (res: ServerResponse, status: number, code: number, message: string) =>
  send(res, status, errorBody(status, code, message), status === 401 ? { "WWW-Authenticate": 'Basic realm="Twilio API"' } : {});

export function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
  });
}
