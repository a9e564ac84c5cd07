// Text-back templates: what a caller actually receives, and what a template must contain to be saved.
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, OPT_OUT_LINE, type TemplateSituation } from "./default-templates";
import { renderTemplate, templateProblems } from "./templates";

const VALUES = { spa: "Glow Med Spa", location: "Downtown", bookingLink: "https://glow.example/book?loc=downtown" };
const SITUATIONS = Object.keys(DEFAULT_TEMPLATES) as TemplateSituation[];

describe("renderTemplate with the default templates", () => {
  it("covers every situation a decision can pick", () => {
    expect(SITUATIONS.sort()).toEqual(["after_hours", "existing_client", "follow_up", "open"]);
  });

  it.each(SITUATIONS)("%s: names the spa, carries the booking link and ends with the opt-out line", (situation) => {
    const text = renderTemplate(DEFAULT_TEMPLATES[situation], VALUES);
    expect(text).toContain("Glow Med Spa");
    expect(text).toContain("https://glow.example/book?loc=downtown");
    expect(text.endsWith("Reply STOP to opt out.")).toBe(true);
    expect(text).not.toMatch(/[{}]/);
    expect(text).not.toMatch(/\s{2,}/);
  });

  it("renders the open-hours text exactly", () => {
    expect(renderTemplate(DEFAULT_TEMPLATES.open, VALUES)).toBe(
      "Sorry we missed your call! This is the team at Glow Med Spa. Want us to grab you a consult slot this week? " +
        "Just reply here, or tap to book: https://glow.example/book?loc=downtown Reply STOP to opt out.",
    );
  });

  it("keeps the booking link separated by spaces, so phones make it tappable", () => {
    const text = renderTemplate(DEFAULT_TEMPLATES.after_hours, VALUES);
    expect(text).toMatch(/ https:\/\/glow\.example\/book\?loc=downtown /);
  });

  it("fills every occurrence of a placeholder, including {location}", () => {
    expect(renderTemplate("{spa} {location}: {spa} at {location} {booking_link}", VALUES)).toBe(
      "Glow Med Spa Downtown: Glow Med Spa at Downtown https://glow.example/book?loc=downtown",
    );
  });

  it("collapses line breaks and extra spaces a coordinator typed into one line", () => {
    expect(renderTemplate("  Hi from {spa}!\n\nBook:   {booking_link}\n", VALUES)).toBe("Hi from Glow Med Spa! Book: https://glow.example/book?loc=downtown");
  });

  it("inserts names and links literally, even with $ sequences in them", () => {
    const text = renderTemplate(DEFAULT_TEMPLATES.open, { spa: "Glow $$ Co $& Spa", location: "Downtown", bookingLink: "https://glow.example/b?r=$'" });
    expect(text).toContain("the team at Glow $$ Co $& Spa.");
    expect(text).toContain("tap to book: https://glow.example/b?r=$' Reply STOP");
  });
});

describe("templateProblems", () => {
  it.each(SITUATIONS)("default %s template has no problems", (situation) => {
    expect(templateProblems(DEFAULT_TEMPLATES[situation])).toEqual([]);
  });

  it("flags a template that does not name the spa", () => {
    expect(templateProblems(`Sorry we missed you! Book: {booking_link} ${OPT_OUT_LINE}`)).toEqual(["missing_spa_name"]);
  });

  it("flags a template without the booking link", () => {
    expect(templateProblems(`Sorry we missed you at {spa}! Call us back. ${OPT_OUT_LINE}`)).toEqual(["missing_booking_link"]);
  });

  it("flags a template without the opt-out line", () => {
    expect(templateProblems("Sorry we missed you at {spa}! Book: {booking_link}")).toEqual(["missing_opt_out"]);
  });

  it("accepts the opt-out wording in any case", () => {
    expect(templateProblems("{spa}: book at {booking_link}. reply stop to unsubscribe")).toEqual([]);
  });

  it("does not take the spa's name typed out literally as the {spa} placeholder", () => {
    expect(templateProblems(`Glow Med Spa here! Book: {booking_link} ${OPT_OUT_LINE}`)).toEqual(["missing_spa_name"]);
  });

  it("flags a template longer than 480 characters (more than three SMS segments)", () => {
    const long = `{spa} {booking_link} ${OPT_OUT_LINE} ` + "x".repeat(480);
    expect(templateProblems(long)).toEqual(["too_long"]);
    const exactly480 = `{spa} {booking_link} ${OPT_OUT_LINE} `.padEnd(480, "x");
    expect(templateProblems(exactly480)).toEqual([]);
  });

  it("lists every problem of an empty template", () => {
    expect(templateProblems("")).toEqual(["missing_spa_name", "missing_booking_link", "missing_opt_out"]);
  });
});
