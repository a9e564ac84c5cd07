// Each provider's delivery words → Rebound's message status: Twilio's as before; Quo's documented
// ones; Aircall's UNVERIFIED ones mapped where the meaning is plain, anything else kept out (and logged).
import { afterEach, describe, expect, it, vi } from "vitest";
import { providerFailure } from "@/lib/intake/policy/undeliverable";
import { deliveryStatusOf } from "./delivery-status";

afterEach(() => vi.restoreAllMocks());

describe("deliveryStatusOf", () => {
  it("Twilio's statuses are unchanged", () => {
    expect(deliveryStatusOf("twilio", "scheduled")).toBe("accepted");
    expect(deliveryStatusOf("twilio", "partially_delivered")).toBe("delivered");
    expect(deliveryStatusOf("twilio", "undelivered")).toBe("undelivered");
    expect(deliveryStatusOf("twilio", "received")).toBeNull();
  });

  it("Quo: the delivery events' words and the message object's statuses", () => {
    expect(["queued", "sent", "delivered", "undelivered", "failed"].map((s) => deliveryStatusOf("openphone", s))).toEqual(["queued", "sent", "delivered", "undelivered", "failed"]);
  });

  it("Aircall: the send's `pending` is queued; an unknown word changes nothing and is logged; `received` is silent", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(deliveryStatusOf("aircall", "pending")).toBe("queued");
    expect(deliveryStatusOf("aircall", "Delivered")).toBe("delivered");
    expect(deliveryStatusOf("aircall", "error")).toBe("failed");
    expect(deliveryStatusOf("aircall", "received")).toBeNull();
    expect(warn).not.toHaveBeenCalled();
    expect(deliveryStatusOf("aircall", "carrier_accepted")).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"carrier_accepted"'));
  });
});

describe("providerFailure", () => {
  it("names the provider and its code as written, or what it reported", () => {
    expect(providerFailure("openphone", "0206400", "failed")).toEqual({
      messageText: "Not delivered (Quo error 0206400).",
      callbackReason: "Text not delivered (Quo error 0206400). Call back instead.",
    });
    expect(providerFailure("aircall", null, "failed").callbackReason).toBe("Text not delivered (Aircall reported it failed). Call back instead.");
  });
});
