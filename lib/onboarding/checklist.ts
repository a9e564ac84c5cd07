// The getting-started checklist of a new organization, computed from what is in the database: each
// step ticks itself when its row exists. Pure; the query is db/queries/onboarding.ts.

export type OnboardingStatus = {
  hasNumber: boolean;
  /** A real call or reply arrived from the phone system (test events do not count). */
  webhookReceived: boolean;
  hasHours: boolean;
  templatesChecked: boolean;
  bookingLinkSet: boolean;
  deskInvited: boolean;
  callRecorded: boolean;
  /** Locations still without opening hours or a booking link: their automatic texts are held. */
  locationsNotSetUp: number;
  orgCreatedAt: Date;
  /** Where numbers, hours and the booking link are set; null only for a spa with no location. */
  firstLocationId: string | null;
};

export type ChecklistKey = "connect" | "hours" | "templates" | "booking" | "invite" | "test_call";

export type ChecklistItem = { key: ChecklistKey; title: string; detail: string; done: boolean; href: string; cta: string };

/** Where each step is done: the first location's settings page (numbers, hours, booking link), templates, team, integrations. */
export function checklistLinks(firstLocationId: string | null): Record<ChecklistKey | "number", string> {
  const location = (section: string) => (firstLocationId ? `/settings/locations/${firstLocationId}#${section}` : "/settings/locations");
  return {
    number: location("numbers"),
    connect: "/settings/integrations",
    hours: location("hours"),
    templates: "/settings/templates",
    booking: location("details"),
    invite: "/settings/team",
    test_call: "/settings/integrations#test-events",
  };
}

function connectDetail(status: OnboardingStatus): string {
  if (!status.hasNumber) return "Add the number your callers dial, then paste Rebound's webhook URL into your phone system.";
  if (!status.webhookReceived) return "Number added. Paste the webhook URL into your phone system; this ticks when the first real call arrives.";
  return "Your phone system is sending calls to Rebound.";
}

/**
 * Hours and the booking link come first: until both are set a location texts nobody (a call would
 * be "after hours" and the text would carry no real link), so connecting a number before them
 * only records calls.
 */
export function buildChecklist(status: OnboardingStatus): ChecklistItem[] {
  const links = checklistLinks(status.firstLocationId);
  return [
    {
      key: "hours",
      title: "Set your opening hours",
      detail: "Calls outside them get the after-hours text, and callbacks wait for the next opening.",
      done: status.hasHours,
      href: links.hours,
      cta: "Set hours",
    },
    {
      key: "booking",
      title: "Add your booking link",
      detail: "Every text-back carries it, so callers can book in one tap.",
      done: status.bookingLinkSet,
      href: links.booking,
      cta: "Add link",
    },
    {
      key: "connect",
      title: "Connect a phone number and paste the webhook URL",
      detail: connectDetail(status),
      done: status.hasNumber && status.webhookReceived,
      href: status.hasNumber ? links.connect : links.number,
      cta: status.hasNumber ? "Webhook URLs" : "Add number",
    },
    {
      key: "templates",
      title: "Check the text-back templates",
      detail: "Read the texts callers get and make them sound like your spa.",
      done: status.templatesChecked,
      href: links.templates,
      cta: "Edit templates",
    },
    {
      key: "invite",
      title: "Invite the front desk",
      detail: "Coordinators answer replies and work the callback queue.",
      done: status.deskInvited,
      href: links.invite,
      cta: "Invite",
    },
    {
      key: "test_call",
      title: "Send a test call",
      detail: "Rebound records a missed call from a test caller and texts it back, so you can see the whole loop.",
      done: status.callRecorded,
      href: links.test_call,
      cta: "Send a test",
    },
  ];
}

/** What the owner must know about automatic texts right now, in one sentence or two. */
export function textingStatement(status: Pick<OnboardingStatus, "locationsNotSetUp">): { held: boolean; text: string } {
  if (status.locationsNotSetUp === 0) return { held: false, text: "Automatic texts are on: every missed caller gets a text-back with your booking link." };
  const which = status.locationsNotSetUp === 1 ? "" : ` at ${status.locationsNotSetUp} locations`;
  return {
    held: true,
    text: `Automatic texts are held${which} until opening hours and a booking link are set. Until then Rebound records every missed call and opens a callback for the desk, but texts no one.`,
  };
}

/** New organizations only (the first month), until every step is done or the owner hides it. */
export const CHECKLIST_DAYS = 30;

export function shouldShowChecklist({ items, orgCreatedAt, dismissed, now }: { items: ChecklistItem[]; orgCreatedAt: Date; dismissed: boolean; now: Date }): boolean {
  if (dismissed || items.every((item) => item.done)) return false;
  return now.getTime() - orgCreatedAt.getTime() < CHECKLIST_DAYS * 24 * 3600 * 1000;
}
