// The templates a new location starts with. Placeholders: {spa}, {location}, {booking_link}.
// Every template names the spa, carries the booking link and ends with the opt-out line.
import type { MessageTemplate } from "@/db/schema";

export type TemplateSituation = MessageTemplate["situation"];

export const OPT_OUT_LINE = "Reply STOP to opt out.";

export const DEFAULT_TEMPLATES: Record<TemplateSituation, string> = {
  open: "Sorry we missed your call! This is the team at {spa}. Want us to grab you a consult slot this week? " + "Just reply here, or tap to book: {booking_link} " + OPT_OUT_LINE,
  after_hours:
    "Thanks for calling {spa}! We're closed right now. Reply here with what you're looking for and we'll " +
    "get back to you when we open, or book any time: {booking_link} " +
    OPT_OUT_LINE,
  existing_client: "Hi, it's {spa}! So sorry we missed you. Reply here and we'll get you sorted, or rebook in one tap: {booking_link} " + OPT_OUT_LINE,
  follow_up: "Hi from {spa}, just checking in after your call. Still want a consult? Tap to book: {booking_link} " + OPT_OUT_LINE,
};
