import { describe, expect, it } from "vitest";
import { mostInWindow } from "./bench-senders";

describe("mostInWindow: the most requests a provider saw in any one second", () => {
  it("counts a window from each request, the end excluded", () => {
    expect(mostInWindow([], 1000)).toBe(0);
    expect(mostInWindow([0, 100, 999, 1000, 1500], 1000)).toBe(3);
    expect(mostInWindow([0, 1000, 2000], 1000)).toBe(1);
    expect(mostInWindow([5, 5, 5, 5], 1000)).toBe(4);
  });
});
