import { describe, expect, it } from "vitest";
import { checkBookingUrl, openableUrl } from "./booking-url";

describe("booking URLs (issue 12: /b/ redirects only to https under a domain name)", () => {
  it.each([
    ["https://book.glowmedspa.example/downtown", null],
    ["book.glowmedspa.example/downtown", null],
    ["https://book.example:8443/x?a=1", null],
    ["https://book.example./x", null],
    ["http://book.example/x", "not_https"],
    ["javascript:alert(1)", "not_a_web_address"],
    ["mailto:desk@spa.example", "not_a_web_address"],
    ["ftp://book.example/", "not_a_web_address"],
    ["", "not_a_web_address"],
    ["https://user:pw@book.example/", "credentials"],
    ["https://127.0.0.1/", "ip_address"],
    ["https://169.254.169.254/latest/meta-data/", "ip_address"],
    ["https://10.0.0.5:8080/admin", "ip_address"],
    ["https://2130706433/", "ip_address"],
    ["https://0x7f.1/", "ip_address"],
    ["https://0177.0.0.1/", "ip_address"],
    ["https://127.1/", "ip_address"],
    ["https://8.8.8.8./", "ip_address"],
    ["https://[::1]/", "ip_address"],
    ["https://[::ffff:127.0.0.1]/", "ip_address"],
    ["https://[fd00::1]:443/", "ip_address"],
    ["https://localhost/", "local_host"],
    ["https://LOCALHOST:3000/", "local_host"],
    ["https://app.localhost/", "local_host"],
    ["https://intranet/", "local_host"],
    ["https://printer.local/", "local_host"],
    ["https://metadata.google.internal/", "local_host"],
  ])("%j → %s", (raw, problem) => {
    const checked = checkBookingUrl(raw);
    expect(checked.ok ? null : checked.problem).toBe(problem);
  });

  it("the Test link opens only what would be saved, typed with its scheme", () => {
    expect(openableUrl(" https://book.example/x ")).toBe("https://book.example/x");
    for (const raw of ["book.example/x", "http://book.example/x", "https://127.0.0.1/"]) expect(openableUrl(raw)).toBeNull();
  });
});
