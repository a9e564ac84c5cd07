import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "@/tests/csv-parse";
import { csvField, csvLine, exportFilename, neutralise } from "./csv";

describe("CSV fields", () => {
  it("quotes a field with a comma, a quote or a line break, doubling its quotes", () => {
    expect(csvField("Botox, lips")).toBe('"Botox, lips"');
    expect(csvField('Ana "Glow" Ruiz')).toBe('"Ana ""Glow"" Ruiz"');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("cr\r")).toBe('"cr\r"');
    expect(csvField("plain text")).toBe("plain text");
  });

  it("writes numbers, booleans and empty values as a spreadsheet reads them", () => {
    expect(csvField(140000)).toBe("140000");
    expect(csvField(true)).toBe("true");
    expect(csvField(null)).toBe("");
    expect(csvField("")).toBe("");
  });

  it("neutralises anything a spreadsheet would run as a formula", () => {
    expect(csvField('=HYPERLINK("http://evil.test","click")')).toBe(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(neutralise("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(neutralise("-2+3")).toBe("'-2+3");
    expect(neutralise("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(neutralise("\t=1")).toBe("'\t=1");
    expect(neutralise("\r=1")).toBe("'\r=1");
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+SUM(A1)", "'+SUM(A1)"],
    ["-cmd", "'-cmd"],
    ["@cmd", "'@cmd"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["=", "'="],
    ['Botox;=HYPERLINK("http://evil.test")', 'Botox;\'=HYPERLINK("http://evil.test")'],
    ["a;+1;-2;@x", "a;'+1;'-2;'@x"],
    ["=a;=b", "'=a;'=b"],
    ["a;\t=1", "a;'\t=1"],
    ["Ana; happy", "Ana; happy"],
    ["lips; 1 ml", "lips; 1 ml"],
    ["+13105550100", "+13105550100"],
    ["+1 310 555 0100", "'+1 310 555 0100"],
    ["+13105550100;=cmd", "'+13105550100;'=cmd"],
    ["-5", "-5"],
    ["+7.5", "+7.5"],
    ["1;2", "1;2"],
    ["Ana = happy", "Ana = happy"],
    ["", ""],
  ])("neutralise(%j) → %j", (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it("leaves phone numbers and plain numbers alone (they cannot run anything)", () => {
    expect(neutralise("+13105550100")).toBe("+13105550100");
    expect(neutralise("-5")).toBe("-5");
    expect(neutralise("-12.50")).toBe("-12.50");
    expect(neutralise("Ana = happy")).toBe("Ana = happy");
  });

  it("a line of any text reads back cell for cell, formulas defused", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 6 }), (cells) => {
        const [parsed] = parseCsv(csvLine(cells));
        expect(parsed).toEqual(cells.map(neutralise));
        for (const cell of parsed!) {
          // Split as a semicolon-locale spreadsheet would: no part may start like a formula.
          for (const part of cell.split(";")) if (/^[=+\-@\t\r]/.test(part)) expect(part).toMatch(/^(?:[+-]?\d+(?:\.\d+)?|\+[1-9]\d{6,14})$/);
        }
      }),
    );
  });

  it("names the file after the kind and the range", () => {
    expect(exportFilename("calls", { from: "2026-09-01", to: "2026-11-26" })).toBe("rebound-calls-2026-09-01-to-2026-11-26.csv");
  });
});
