import type { Contact } from "@/db/schema";

export const KIND_LABELS: Record<Contact["kind"], string> = {
  new_lead: "New lead",
  client: "Client",
  billing: "Billing",
  vendor: "Vendor",
  spam: "Spam",
};

export const KIND_TONES: Record<Contact["kind"], "brand" | "emerald" | "amber" | "slate" | "red"> = {
  new_lead: "brand",
  client: "emerald",
  billing: "amber",
  vendor: "slate",
  spam: "red",
};

export const LINE_TYPE_LABELS: Record<NonNullable<Contact["lineType"]>, string> = {
  mobile: "Mobile",
  landline: "Landline",
  voip: "VoIP",
  toll_free: "Toll-free",
  unknown: "Unknown",
};

/** "new_inbound" → "New inbound". */
export function leadStatusLabel(status: string): string {
  const words = status.replaceAll("_", " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "—";
}
