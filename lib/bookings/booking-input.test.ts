import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/form-errors";
import { bookingInputSchema } from "./booking-input";

const base = { conversationId: "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", callbackId: "", treatment: "Botox", valueCents: "450", bookedFor: "" };

describe("bookingInputSchema", () => {
  it("turns dollars into cents and an empty appointment into none", () => {
    expect(bookingInputSchema.parse(base)).toEqual({ conversationId: base.conversationId, treatment: "Botox", valueCents: 45_000 });
  });

  it("reads the appointment as a wall-clock day and minute", () => {
    expect(bookingInputSchema.parse({ ...base, bookedFor: "2026-05-14T15:30" }).bookedFor).toEqual({ day: "2026-05-14", minute: 930 });
  });

  it.each([
    ["an empty treatment", { treatment: "   " }, "treatment", "Enter the treatment."],
    ["an 81-character treatment", { treatment: "x".repeat(81) }, "treatment", "Keep the treatment to 80 characters or fewer."],
    ["a value over $100,000", { valueCents: "100000.01" }, "valueCents", "Enter a value between $0 and $100,000."],
    ["a negative value", { valueCents: "-5" }, "valueCents", "Enter the value in dollars, e.g. 450."],
    ["letters for a value", { valueCents: "lots" }, "valueCents", "Enter the value in dollars, e.g. 450."],
    ["a broken date", { bookedFor: "tomorrow" }, "bookedFor", "Pick the date and time of the appointment."],
    ["a crafted callback id", { callbackId: "1 or 1=1" }, "callbackId", undefined],
  ])("refuses %s, with the message next to its field", (_label, change, field, message) => {
    const result = bookingInputSchema.safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    const errors = result.error ? fieldErrors(result.error) : {};
    expect(errors[field]?.length).toBeGreaterThan(0);
    if (message) expect(errors[field]).toContain(message);
  });

  it("accepts exactly $100,000 and exactly 80 characters", () => {
    expect(bookingInputSchema.parse({ ...base, valueCents: "$100,000", treatment: "x".repeat(80) }).valueCents).toBe(10_000_000);
  });
});
