// Calls list (GET /2010-04-01/Accounts/{Sid}/Calls.json?ParentCallSid=) for the Twilio REST
// stand-in (tools/twilio-stand-in.ts): the child legs tests set for a parent call, in Twilio's Call
// shape and page envelope (docs/provider-formats.md#twilio-child-legs), or scripted failures.
import type { ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import { fail, send, type Json } from "./twilio-stand-in-http";

/** A child leg a test sets; the rest of Twilio's Call fields are filled in. `duration` in seconds. */
export type StandInLeg = { sid?: string; status: string; duration?: number | null; to?: string; from?: string };
/** A list lookup's fate: an HTTP error in Twilio's error shape, or "hang" (never answered until close()). */
export type CallListReply = { status: number; code?: number; message?: string } | "hang";

export type CallsControl = {
  /** The child legs Calls.json lists for this parent call (none until set). */
  setChildCalls(parentCallSid: string, legs: StandInLeg[]): void;
  /** The next list lookups get these replies, in order, whatever parent they ask about. */
  failNextCallLists(replies: CallListReply[]): void;
  /** The ParentCallSid of every Calls.json list request, oldest first. */
  listed: string[];
};

const CALLS = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\.json$/;
const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace("GMT", "+0000");
const callSid = () => `CA${randomBytes(16).toString("hex")}`;

function callJson(accountSid: string, parent: string, leg: StandInLeg & { sid: string }, at: number): Json {
  const seconds = leg.duration ?? null;
  const uri = `/2010-04-01/Accounts/${accountSid}/Calls/${leg.sid}.json`;
  return {
    account_sid: accountSid,
    annotation: null,
    answered_by: null,
    api_version: "2010-04-01",
    caller_name: null,
    date_created: rfc2822(at),
    date_updated: rfc2822(at + (seconds ?? 0) * 1000),
    direction: "outbound-dial",
    // A string of seconds; Twilio leaves it empty for a leg that is not over.
    duration: seconds === null ? null : String(seconds),
    end_time: seconds === null ? null : rfc2822(at + seconds * 1000),
    forwarded_from: null,
    from: leg.from ?? "+13105550199",
    from_formatted: leg.from ?? "(310) 555-0199",
    group_sid: null,
    parent_call_sid: parent,
    phone_number_sid: null,
    price: null,
    price_unit: "USD",
    queue_time: "0",
    sid: leg.sid,
    start_time: rfc2822(at),
    status: leg.status,
    subresource_uris: { recordings: uri.replace(".json", "/Recordings.json"), notifications: uri.replace(".json", "/Notifications.json") },
    to: leg.to ?? "+13105550142",
    to_formatted: leg.to ?? "(310) 555-0142",
    trunk_sid: null,
    uri,
  };
}

export function callsStandIn(accountSid: string) {
  const children = new Map<string, (StandInLeg & { sid: string })[]>();
  let replies: CallListReply[] = [];
  const control: CallsControl = {
    setChildCalls: (parent, legs) =>
      void children.set(
        parent,
        legs.map((leg) => ({ ...leg, sid: leg.sid ?? callSid() })),
      ),
    failNextCallLists: (next) => void replies.push(...next),
    listed: [],
  };
  return {
    control,
    /** The account a Calls list path names, or null for any other path. */
    accountOf: (pathname: string): string | null => CALLS.exec(pathname)?.[1] ?? null,
    handle(method: string, url: URL, res: ServerResponse): void {
      if (method !== "GET") return fail(res, 405, 20004, "Method not allowed");
      const parent = url.searchParams.get("ParentCallSid") ?? "";
      control.listed.push(parent);
      const reply = replies.shift();
      if (reply === "hang") return;
      if (reply) return fail(res, reply.status, reply.code ?? 20500, reply.message ?? "Internal Server Error");
      const at = Date.now() - 60_000;
      const calls = (children.get(parent) ?? []).map((leg) => callJson(accountSid, parent, leg, at));
      const pageSize = Math.min(1000, Math.max(1, Number(url.searchParams.get("PageSize")) || 50));
      const pageUri = `${url.pathname}?${url.searchParams.toString()}`;
      send(res, 200, {
        calls: calls.slice(0, pageSize),
        end: Math.max(0, Math.min(calls.length, pageSize) - 1),
        first_page_uri: pageUri,
        next_page_uri: null,
        page: 0,
        page_size: pageSize,
        previous_page_uri: null,
        start: 0,
        uri: pageUri,
      });
    },
    reset(): void {
      children.clear();
      replies = [];
      control.listed.length = 0;
    },
  };
}
