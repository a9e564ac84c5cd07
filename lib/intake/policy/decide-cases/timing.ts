// Existing clients, and when the call came in: the template, the leak source and the callback at the next opening.
import {
  TUE_1000,
  TUE_1245,
  TUE_2000,
  WED_0200,
  SUN_1100,
  TUE_1315,
  WED_0900,
  MON_0900,
  dialEvent,
  abandoned,
  withVoicemail,
  LEAD,
  contact,
  CLIENT_CALLBACK,
  afterHours,
  text,
  type Case,
} from "./kit";

export const TIMING_CASES: Case[] = [
  // Existing clients.
  {
    name: "existing client while open: the client text, high priority, callback now",
    event: dialEvent(TUE_1000),
    now: TUE_1000,
    contact: contact({ kind: "client" }),
    expected: text("existing_client", "peak_overflow", { priority: "high", callback: { dueAt: TUE_1000, reason: CLIENT_CALLBACK } }),
  },
  {
    name: "existing client after hours: callback at the next opening",
    event: dialEvent(TUE_2000),
    now: TUE_2000,
    contact: contact({ kind: "client" }),
    expected: text("existing_client", "after_hours", { priority: "high", callback: { dueAt: WED_0900, reason: CLIENT_CALLBACK } }),
  },

  // When the call came in: template and leak source.
  { name: "first-time caller while open (no contact yet)", event: dialEvent(TUE_1000), now: TUE_1000, contact: null, expected: text("open", "peak_overflow") },
  { name: "new lead while open", event: dialEvent(TUE_1000), now: TUE_1000, contact: LEAD, expected: text("open", "peak_overflow") },
  { name: "new lead at 20:00", event: dialEvent(TUE_2000), now: TUE_2000, contact: LEAD, expected: text("after_hours", "after_hours", afterHours(WED_0900)) },
  { name: "new lead at lunch", event: dialEvent(TUE_1245), now: TUE_1245, contact: LEAD, expected: text("after_hours", "lunch_gap", afterHours(TUE_1315)) },
  { name: "new lead at 02:00", event: dialEvent(WED_0200), now: WED_0200, contact: LEAD, expected: text("after_hours", "after_hours", afterHours(WED_0900)) },
  { name: "new lead on Sunday", event: dialEvent(SUN_1100), now: SUN_1100, contact: LEAD, expected: text("after_hours", "after_hours", afterHours(MON_0900)) },
  { name: "hung up on hold while open", event: abandoned(TUE_1000), now: TUE_1000, contact: LEAD, expected: text("open", "hold_abandon") },
  {
    name: "hung up on hold at lunch: still a hold abandon",
    event: abandoned(TUE_1245),
    now: TUE_1245,
    contact: LEAD,
    expected: text("after_hours", "hold_abandon", afterHours(TUE_1315)),
  },
  { name: "line busy while open", event: dialEvent(TUE_1000, { DialCallStatus: "busy" }), now: TUE_1000, contact: LEAD, expected: text("open", "peak_overflow") },
  { name: "forwarding failed while open", event: dialEvent(TUE_1000, { DialCallStatus: "failed" }), now: TUE_1000, contact: LEAD, expected: text("open", "peak_overflow") },
  {
    name: "caller hung up while ringing (canceled)",
    event: dialEvent(TUE_1000, { DialCallStatus: "canceled" }),
    now: TUE_1000,
    contact: LEAD,
    expected: text("open", "peak_overflow"),
  },
  { name: "left a voicemail after hours", event: withVoicemail(TUE_2000), now: TUE_2000, contact: LEAD, expected: text("after_hours", "after_hours", afterHours(WED_0900)) },
];
