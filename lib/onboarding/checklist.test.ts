import { describe, expect, it } from "vitest";
import { buildChecklist, shouldShowChecklist, textingStatement, type OnboardingStatus } from "./checklist";

const now = new Date("2026-05-12T17:00:00Z");
const fresh: OnboardingStatus = {
  hasNumber: false,
  webhookReceived: false,
  hasHours: false,
  templatesChecked: false,
  bookingLinkSet: false,
  deskInvited: false,
  callRecorded: false,
  locationsNotSetUp: 1,
  orgCreatedAt: new Date(now.getTime() - 3600_000),
  firstLocationId: "5b1e8d0c-7a2f-4e69-9c1d-0a2b3c4d5e6f",
};
const all: OnboardingStatus = {
  ...fresh,
  hasNumber: true,
  webhookReceived: true,
  hasHours: true,
  templatesChecked: true,
  bookingLinkSet: true,
  deskInvited: true,
  callRecorded: true,
  locationsNotSetUp: 0,
};

describe("getting-started checklist", () => {
  it("a new spa has six steps, hours and booking link before the number, none done, each linking to where it is done", () => {
    const items = buildChecklist(fresh);
    expect(items.map((i) => i.key)).toEqual(["hours", "booking", "connect", "templates", "invite", "test_call"]);
    expect(items.filter((i) => i.done)).toHaveLength(0);
    expect(Object.fromEntries(items.map((i) => [i.key, i.href]))).toEqual({
      connect: "/settings/locations/5b1e8d0c-7a2f-4e69-9c1d-0a2b3c4d5e6f#numbers",
      hours: "/settings/locations/5b1e8d0c-7a2f-4e69-9c1d-0a2b3c4d5e6f#hours",
      templates: "/settings/templates",
      booking: "/settings/locations/5b1e8d0c-7a2f-4e69-9c1d-0a2b3c4d5e6f#details",
      invite: "/settings/team",
      test_call: "/settings/integrations#test-events",
    });
  });

  it("connecting needs both the number and a real webhook; a test call ticks only its own step", () => {
    const numberOnly = buildChecklist({ ...fresh, hasNumber: true, callRecorded: true });
    const connect = numberOnly.find((i) => i.key === "connect")!;
    expect(connect.done).toBe(false);
    expect(connect.detail).toMatch(/Number added/);
    expect(connect.href).toBe("/settings/integrations"); // next: the webhook URLs
    expect(numberOnly.find((i) => i.key === "test_call")!.done).toBe(true);
    expect(buildChecklist({ ...fresh, hasNumber: true, webhookReceived: true }).find((i) => i.key === "connect")!.done).toBe(true);
  });

  it("each status flag ticks its step", () => {
    const items = buildChecklist({ ...fresh, hasHours: true, templatesChecked: true, bookingLinkSet: true, deskInvited: true });
    expect(items.filter((i) => i.done).map((i) => i.key)).toEqual(["hours", "booking", "templates", "invite"]);
  });

  it("says plainly that automatic texts are held until hours and a booking link are set", () => {
    expect(textingStatement(fresh)).toEqual({ held: true, text: expect.stringMatching(/^Automatic texts are held until opening hours and a booking link are set\./) });
    expect(textingStatement({ locationsNotSetUp: 2 }).text).toMatch(/^Automatic texts are held at 2 locations/);
    expect(textingStatement(all)).toEqual({ held: false, text: expect.stringMatching(/^Automatic texts are on/) });
  });

  it("shows for a new spa, hides once all is done, when dismissed, or for an established spa", () => {
    expect(shouldShowChecklist({ items: buildChecklist(fresh), orgCreatedAt: fresh.orgCreatedAt, dismissed: false, now })).toBe(true);
    expect(shouldShowChecklist({ items: buildChecklist(all), orgCreatedAt: fresh.orgCreatedAt, dismissed: false, now })).toBe(false);
    expect(shouldShowChecklist({ items: buildChecklist(fresh), orgCreatedAt: fresh.orgCreatedAt, dismissed: true, now })).toBe(false);
    const old = new Date(now.getTime() - 90 * 24 * 3600_000);
    expect(shouldShowChecklist({ items: buildChecklist(fresh), orgCreatedAt: old, dismissed: false, now })).toBe(false);
  });
});
