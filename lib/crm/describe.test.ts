import { describe, expect, it } from "vitest";
import { describeCrmCircuit, describeLastAnswer } from "./describe";

const now = new Date("2026-12-07T21:55:00Z");
const tz = "America/Los_Angeles";

describe("describeCrmCircuit", () => {
  it("says nothing while deliveries flow", () => {
    expect(describeCrmCircuit({ consecutiveFailures: 0, openUntil: null }, now, tz)).toBeNull();
    expect(describeCrmCircuit(null, now, tz)).toBeNull();
  });
  it("an open circuit names the time it resumes, in the spa's timezone, and the failure count", () => {
    const circuit = { consecutiveFailures: 5, openUntil: new Date("2026-12-07T22:05:00Z") };
    expect(describeCrmCircuit(circuit, now, tz)).toEqual({ paused: true, text: expect.stringMatching(/^Paused deliveries until 14:05 after 5 failures in a row\./) });
  });
  it("a pause that is over is a trial, and a few failures are a warning", () => {
    expect(describeCrmCircuit({ consecutiveFailures: 6, openUntil: new Date("2026-12-07T21:50:00Z") }, now, tz)).toMatchObject({
      paused: false,
      text: expect.stringMatching(/^Trying again after 6 failures/),
    });
    expect(describeCrmCircuit({ consecutiveFailures: 2, openUntil: null }, now, tz)).toMatchObject({ paused: false, text: expect.stringMatching(/^The last 2 deliveries failed/) });
  });
});

describe("describeLastAnswer", () => {
  it.each([
    ["HTTP 500: db_password=hunter2", 500, "HTTP 500"],
    ["gave up after 8 attempts: HTTP 503: maintenance", 503, "gave up after 8 attempts: HTTP 503"],
    [
      "HTTP 302: <html>moved</html> (redirects are not followed: set the CRM URL to the final address)",
      302,
      "HTTP 302 (redirects are not followed: set the CRM URL to the final address)",
    ],
    ["fetch failed (ECONNREFUSED)", null, "could not connect"],
    ["timed out: no answer within 5 s", null, "timed out: no answer within 5 s"],
    ["refused: private address: use an https:// address on the public internet", null, "refused: private address: use an https:// address on the public internet"],
  ])("%j is shown as %j", (lastError, lastStatusCode, shown) => {
    expect(describeLastAnswer({ lastError, lastStatusCode, status: "dead" })).toBe(shown);
  });
  it("no error: the status code, or that it has not been sent", () => {
    expect(describeLastAnswer({ lastError: null, lastStatusCode: 204, status: "delivered" })).toBe("HTTP 204");
    expect(describeLastAnswer({ lastError: null, lastStatusCode: null, status: "pending" })).toBe("Not sent yet");
  });
});
