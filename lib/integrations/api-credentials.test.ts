import { describe, expect, it } from "vitest";
import { aircallCredentialsSchema, credentialStatus, maskCredential, quoApiKeySchema } from "./api-credentials";

describe("provider API credentials", () => {
  it("a saved key is shown by its last 4 characters only", () => {
    expect(maskCredential("quo-live-key-abcdef1234")).toBe("••••••••1234");
    expect(credentialStatus("quo-live-key-abcdef1234")).toEqual({ saved: true, masked: "••••••••1234" });
    expect(credentialStatus(null)).toEqual({ saved: false });
  });

  it("a pasted key is trimmed; a short one, or one with spaces, is refused with a sentence", () => {
    expect(quoApiKeySchema.parse({ apiKey: "  abcdefghijklmnop1234 \n" })).toEqual({ apiKey: "abcdefghijklmnop1234" });
    expect(quoApiKeySchema.safeParse({ apiKey: "short" }).success).toBe(false);
    expect(quoApiKeySchema.safeParse({ apiKey: "abcdefgh ijklmnop1234" }).error?.issues[0]?.message).toBe("An API key has no spaces: paste it again.");
    expect(aircallCredentialsSchema.safeParse({ apiId: "abcd1234efgh", apiToken: "" }).error?.issues.every((i) => i.path[0] === "apiToken")).toBe(true);
  });
});
