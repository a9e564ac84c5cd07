// Where a CRM webhook may point, checked without DNS (the save form's first line of defence), and
// the two exceptions: loopback in development, and the test-only allow-list.
import { describe, expect, it } from "vitest";
import { checkCrmUrlShape, crmNetworkPolicy } from "./url-policy";

const strict = crmNetworkPolicy({ NODE_ENV: "test" });
const problemOf = (url: string, policy = strict) => {
  const check = checkCrmUrlShape(url, policy);
  return check.ok ? "ok" : check.problem;
};

describe("checkCrmUrlShape", () => {
  it.each([
    ["https://hooks.zapier.com/hooks/catch/1/abc", "ok"],
    ["https://crm.example.com:8443/rebound", "ok"],
    ["https://8.8.8.8/hook", "ok"],
    ["http://crm.example.com/hook", "not_https"],
    ["ftp://crm.example.com/hook", "not_https"],
    ["https://user:pass@crm.example.com/hook", "credentials"],
    ["http://127.0.0.1:9555/admin/debug", "unsafe_address"],
    ["https://127.0.0.1/", "unsafe_address"],
    ["https://2130706433/", "unsafe_address"], // 127.0.0.1 as one number
    ["https://0x7f.1/", "unsafe_address"],
    ["https://017700000001/", "unsafe_address"], // octal
    ["https://[::1]/", "unsafe_address"],
    ["https://[::ffff:169.254.169.254]/latest/meta-data", "unsafe_address"],
    ["https://169.254.169.254/latest/meta-data", "unsafe_address"],
    ["https://[fd00:ec2::254]/", "unsafe_address"],
    ["https://10.0.0.5/", "unsafe_address"],
    ["https://localhost:3000/", "internal_host"],
    ["https://metadata.google.internal/computeMetadata/v1/", "internal_host"],
    ["https://metadata/", "internal_host"],
    ["not a url", "invalid"],
  ])("%s → %s", (url, expected) => {
    expect(problemOf(url)).toBe(expected);
  });
});

describe("crmNetworkPolicy", () => {
  it("development allows plain http to loopback only", () => {
    const dev = crmNetworkPolicy({ NODE_ENV: "development" });
    expect(problemOf("http://localhost:4000/hook", dev)).toBe("ok");
    expect(problemOf("http://127.0.0.1:4000/hook", dev)).toBe("ok");
    expect(problemOf("http://[::1]:4000/hook", dev)).toBe("ok");
    expect(problemOf("http://10.0.0.5/hook", dev)).toBe("unsafe_address");
    expect(problemOf("https://169.254.169.254/", dev)).toBe("unsafe_address");
    expect(problemOf("http://crm.example.com/hook", dev)).toBe("not_https");
  });

  it("CRM_ALLOW_PRIVATE_HOSTS exempts exactly the listed addresses and ranges", () => {
    const policy = crmNetworkPolicy({ NODE_ENV: "test", CRM_ALLOW_PRIVATE_HOSTS: "127.0.0.1, 10.1.0.0/16" });
    expect(policy.exempt("127.0.0.1")).toBe(true);
    expect(policy.exempt("::ffff:127.0.0.1")).toBe(true);
    expect(policy.exempt("127.0.0.2")).toBe(false);
    expect(policy.exempt("10.1.200.3")).toBe(true);
    expect(policy.exempt("10.2.0.1")).toBe(false);
    expect(problemOf("http://127.0.0.1:9555/hook", policy)).toBe("ok");
    expect(problemOf("http://10.2.0.1/hook", policy)).toBe("unsafe_address");
  });

  it("is never on by default, in any environment", () => {
    for (const NODE_ENV of [undefined, "test", "production"]) {
      const policy = crmNetworkPolicy({ NODE_ENV });
      expect(policy.exempt("127.0.0.1")).toBe(false);
      expect(problemOf("http://127.0.0.1:9555/hook", policy)).toBe("unsafe_address");
      expect(problemOf("http://localhost:9555/hook", policy)).toBe("internal_host");
    }
  });

  it("entries that are not addresses are ignored, never read as 'everything'", () => {
    const policy = crmNetworkPolicy({ NODE_ENV: "production", CRM_ALLOW_PRIVATE_HOSTS: "1, yes, *, localhost" });
    expect(["127.0.0.1", "10.0.0.1", "::1", "169.254.169.254"].some((a) => policy.exempt(a))).toBe(false);
  });
});
