import { describe, expect, it } from "vitest";
import { enabledCountriesSchema } from "./text-countries";

describe("enabledCountriesSchema: owners choose only from the operator's countries", () => {
  const schema = enabledCountriesSchema(["US", "CA", "PR"]);
  it("accepts any of the operator's countries, once each", () => {
    expect(schema.parse(["us", "CA", "CA"])).toEqual(["US", "CA"]);
    expect(schema.parse(["PR"])).toEqual(["PR"]);
  });
  it("refuses a country the operator does not allow (a forged form), and an empty choice", () => {
    expect(schema.safeParse(["US", "JM"]).error?.issues[0]?.message).toBe("Choose from the countries listed: Rebound does not text other countries.");
    expect(schema.safeParse([]).error?.issues[0]?.message).toBe("Tick at least one country: Rebound texts only the countries ticked here.");
    expect(schema.safeParse(["US", "CA", "PR", "DO"]).success).toBe(false);
  });
});
