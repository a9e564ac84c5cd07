import { describe, expect, it } from "vitest";
import { safeErrorSummary } from "./safe-error";

describe("safeErrorSummary", () => {
  it("names the failure without the parameters a query error carries", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "members_email_key"'), { name: "PostgresError", code: "23505" });
    const error = new Error("Failed query: update organizations set generic_webhook_secret = $1\nparams: super-secret-value", { cause });
    const summary = safeErrorSummary(error);
    expect(summary).toBe("Error / PostgresError / code 23505");
    expect(summary).not.toContain("super-secret-value");
  });

  it("copes with things that are not errors", () => {
    expect(safeErrorSummary("boom")).toBe("string");
  });
});
