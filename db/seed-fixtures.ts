// Deterministic building blocks of the demo data (db/seed-demo.ts): a seeded PRNG, stable ids,
// caller names, and the texts people send. No I/O.
import { createHash } from "node:crypto";

export type Rng = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  weighted: <T>(items: readonly T[], weight: (item: T) => number) => T;
  poisson: (lambda: number) => number;
  hex: (length: number) => string;
};

/** mulberry32: tiny, fast, and the same sequence for the same seed on every machine. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const at = <T>(items: readonly T[], index: number): T => {
    const item = items[Math.min(index, items.length - 1)];
    if (item === undefined) throw new Error("rng: cannot pick from an empty list");
    return item;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => at(items, Math.floor(next() * items.length)),
    weighted: (items, weight) => {
      const total = items.reduce((sum, item) => sum + weight(item), 0);
      let r = next() * total;
      for (const item of items) {
        r -= weight(item);
        if (r < 0) return item;
      }
      return at(items, items.length - 1);
    },
    poisson: (lambda) => {
      const limit = Math.exp(-lambda);
      let count = 0;
      for (let p = next(); p > limit; p *= next()) count++;
      return count;
    },
    hex: (length) => {
      let out = "";
      while (out.length < length)
        out += Math.floor(next() * 4294967296)
          .toString(16)
          .padStart(8, "0");
      return out.slice(0, length);
    },
  };
}

/** A UUID (v4 layout) derived from a key, so the same demo row always gets the same id. */
export function stableUuid(key: string): string {
  const h = createHash("sha256").update(`rebound-demo:${key}`).digest("hex");
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const FIRST_NAMES = [
  "Ava",
  "Mia",
  "Sofia",
  "Isabella",
  "Emma",
  "Olivia",
  "Camila",
  "Harper",
  "Chloe",
  "Zoe",
  "Lily",
  "Madison",
  "Natalie",
  "Grace",
  "Aria",
  "Layla",
  "Jasmine",
  "Priya",
  "Mei",
  "Hannah",
  "Leah",
  "Valeria",
  "Gabriela",
  "Brooke",
  "Taylor",
  "Jordan",
  "Nicole",
  "Rachel",
  "Lauren",
  "Megan",
  "Ashley",
  "Jessica",
  "Stephanie",
  "Vanessa",
  "Monica",
  "Tiffany",
  "Kendall",
  "Sienna",
  "Daniela",
  "Yasmin",
  "Noor",
  "Keiko",
  "Ana",
  "Elena",
  "Michael",
  "David",
  "Chris",
  "Ryan",
  "Marcus",
  "Daniel",
  "Kevin",
  "Jason",
  "Andre",
  "Luis",
] as const;

export const LAST_NAMES = [
  "Garcia",
  "Nguyen",
  "Kim",
  "Patel",
  "Martinez",
  "Johnson",
  "Lee",
  "Rodriguez",
  "Chen",
  "Williams",
  "Brown",
  "Lopez",
  "Davis",
  "Hernandez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Moore",
  "Jackson",
  "Martin",
  "Thompson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Robinson",
  "Walker",
  "Young",
  "Allen",
  "King",
  "Wright",
  "Scott",
  "Torres",
  "Flores",
  "Rivera",
  "Ramirez",
  "Park",
  "Cohen",
  "Shapiro",
  "Khan",
  "Ali",
  "Sato",
  "Tanaka",
  "Morales",
  "Reyes",
  "Cruz",
  "Ortiz",
  "Hughes",
  "Price",
  "Bennett",
  "Foster",
  "Sanders",
  "Ross",
  "Diaz",
] as const;

export type Treatment = { name: string; minCents: number; maxCents: number; weight: number };

/**
 * What the history's bookings were worth: within each treatment's range. A consult that became a
 * treatment plan was entered at the plan's value (CONSULT_PLAN_CENTS), as the desk did then.
 */
export const CONSULT_PLAN_CENTS = 140_000;
export const TREATMENTS: readonly Treatment[] = [
  { name: "Botox", minCents: 45_000, maxCents: 90_000, weight: 4 },
  { name: "Lip filler", minCents: 70_000, maxCents: 110_000, weight: 3 },
  { name: "HydraFacial", minCents: 45_000, maxCents: 65_000, weight: 2 },
  { name: "Consult", minCents: 0, maxCents: 0, weight: 2 },
  { name: "Morpheus8", minCents: 180_000, maxCents: 300_000, weight: 2 },
  { name: "Laser hair removal package", minCents: 150_000, maxCents: 260_000, weight: 2 },
  { name: "CoolSculpting", minCents: 200_000, maxCents: 300_000, weight: 1 },
  { name: "Botox + filler", minCents: 140_000, maxCents: 220_000, weight: 2 },
];

/** The demo spa's treatment menu (Settings → Treatments) with the value the desk sees prefilled. */
export const DEMO_TREATMENT_MENU: readonly { name: string; defaultValueCents: number }[] = [
  { name: "Consult", defaultValueCents: 15_000 },
  { name: "Botox", defaultValueCents: 65_000 },
  { name: "Botox + filler", defaultValueCents: 180_000 },
  { name: "Lip filler", defaultValueCents: 90_000 },
  { name: "HydraFacial", defaultValueCents: 55_000 },
  { name: "Morpheus8", defaultValueCents: 240_000 },
  { name: "Laser hair removal package", defaultValueCents: 200_000 },
  { name: "CoolSculpting", defaultValueCents: 250_000 },
  { name: "Chemical peel", defaultValueCents: 25_000 },
  { name: "Microneedling", defaultValueCents: 45_000 },
];

export type ReplyScript = {
  body: string;
  /** Asks for a slot now: a hot callback. */
  hot: boolean;
  callbackReason?: string;
  /** Can end in a booking. */
  bookable: boolean;
  treatment?: string;
  /** What the desk answers when it does not end in a booking. */
  answer: string;
};

export const REPLIES: readonly ReplyScript[] = [
  {
    body: "Do you have anything today?",
    hot: true,
    callbackReason: "Asked for availability today",
    bookable: true,
    answer: "Today is full, sorry! Tomorrow we have 11:00 or 3:30, want one of those?",
  },
  {
    body: "Can I book a consult for Friday?",
    hot: true,
    callbackReason: "Wants to book a consult",
    bookable: true,
    treatment: "Consult",
    answer: "Friday is tight, but I can do Saturday morning. Would that work?",
  },
  {
    body: "How much is Botox?",
    hot: false,
    bookable: true,
    treatment: "Botox",
    answer: "Botox is $14 a unit; most first visits are 20 to 40 units. Want me to save you a consult?",
  },
  { body: "Thanks, I'll call back", hot: false, bookable: false, answer: "Sounds good! You can also reply here any time and we'll find you a slot." },
  { body: "Is this Glow? I need to reschedule", hot: false, bookable: true, answer: "Yes, this is Glow! What day works better for you?" },
  {
    body: "Hi! Any openings today for lip filler?",
    hot: true,
    callbackReason: "Asked for availability today",
    bookable: true,
    treatment: "Lip filler",
    answer: "We're booked up today, but Dr. Lee has openings Thursday. Want one?",
  },
  {
    body: "I want to book a HydraFacial this week",
    hot: true,
    callbackReason: "Wants to book this week",
    bookable: true,
    treatment: "HydraFacial",
    answer: "We'd love to! Which day works best for you?",
  },
  { body: "What's the price for lip filler?", hot: false, bookable: true, treatment: "Lip filler", answer: "Lip filler starts at $750 a syringe. Happy to set up a free consult!" },
  {
    body: "Do you do laser hair removal?",
    hot: false,
    bookable: true,
    treatment: "Laser hair removal package",
    answer: "We do! Packages start with a quick consult. Want me to find you a time?",
  },
  { body: "Can someone call me back after 5?", hot: false, bookable: true, answer: "Of course, we'll call you after 5!" },
  { body: "Was just calling to confirm my appointment", hot: false, bookable: false, answer: "You're all confirmed, see you soon!" },
  {
    body: "Is Morpheus8 worth it? How many sessions?",
    hot: false,
    bookable: true,
    treatment: "Morpheus8",
    answer: "Most clients do 3 sessions a month apart. A consult will tell you exactly what you need!",
  },
];

export const VOICEMAILS = [
  "Hi, this is {first}, I was hoping to get Botox this week, please call me back.",
  "Hey, calling about lip filler pricing. Thanks!",
  "Hi, I need to move my appointment on Thursday. Please call me back.",
  "Hi there, I saw your HydraFacial special and wanted to book. Call me back when you can.",
  "Hello, this is {first}. Do you have anything open Saturday? Thanks.",
  "Hi, just a question about my last bill. Give me a call back, thank you.",
] as const;
