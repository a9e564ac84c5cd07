// The bench's CPU arithmetic: utime + stime read from /proc/<pid>/stat, and the CPU of a set of
// processes over a window in which some start and some exit.
import { describe, expect, it } from "vitest";
import { cpuMsFromStat, cpuUsed, noteReading, perCall, type CpuReadings } from "./bench-cpu";

// A real line's shape: pid (comm) state ppid … with utime 1234 and stime 56 ticks (fields 14 and 15).
const statLine = (comm: string, utime: number, stime: number) =>
  `4242 (${comm}) S 1 4242 4242 0 -1 4194560 9170 0 0 0 ${utime} ${stime} 0 0 20 0 11 0 1795 1234567890 45678 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0`;

describe("CPU from /proc/<pid>/stat", () => {
  it("is utime + stime in milliseconds (100 ticks a second)", () => {
    expect(cpuMsFromStat(statLine("next-server", 1234, 56))).toBe(12_900);
  });

  it("counts fields from the last parenthesis, whatever the command name holds", () => {
    expect(cpuMsFromStat(statLine("postgres: 15/main: postgres rebound_bench (1) idle", 7, 3))).toBe(100);
  });

  it("refuses a line that is not one", () => {
    expect(() => cpuMsFromStat("no such process")).toThrow(/not a \/proc/);
    expect(() => cpuMsFromStat("1 (x) S 1")).toThrow(/not a \/proc/);
  });
});

describe("CPU over a window", () => {
  it("counts a process from its first reading, one born inside the window from zero, and one that exited up to its last reading", () => {
    const readings: CpuReadings = new Map();
    noteReading(readings, 1, 1000, false); // there when the window opened
    noteReading(readings, 2, 500, false); // there when the window opened, exits later
    noteReading(readings, 1, 1040, false);
    noteReading(readings, 2, 530, false); // its last reading
    noteReading(readings, 3, 20, true); // opened during the window: all of its 20 ms count
    noteReading(readings, 1, 1100, false);
    noteReading(readings, 3, 35, true);
    expect(cpuUsed(readings)).toBe(100 + 30 + 35);
  });

  it("never goes backwards on a late, lower reading", () => {
    const readings: CpuReadings = new Map();
    noteReading(readings, 1, 100, false);
    noteReading(readings, 1, 180, false);
    noteReading(readings, 1, 150, false);
    expect(cpuUsed(readings)).toBe(80);
  });

  it("divides by the calls, to 0.01 ms, and has no figure without calls", () => {
    expect(perCall(1000, 3)).toBe(333.33);
    expect(perCall(1000, 0)).toBeNaN();
  });
});
