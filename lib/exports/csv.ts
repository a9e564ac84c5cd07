// CSV as RFC 4180 writes it (CRLF lines; a field with a comma, quote or line break is quoted, its
// quotes doubled), made safe to open in a spreadsheet: a text cell that starts like a formula
// (= + - @, or a tab / carriage return) gets a leading apostrophe so it is read as text, never run.
// Plain numbers and E.164 phone numbers ("+13105550100", "-5") are left alone: they cannot call a
// function or reach another cell. Pure: no I/O.
import type { Cell } from "./resources";

const FORMULA_START = /^[=+\-@\t\r]/;
const HARMLESS = /^(?:[+-]?\d+(?:\.\d+)?|\+[1-9]\d{6,14})$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The text a spreadsheet will show for a cell, neutralised if it could be taken for a formula. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !HARMLESS.test(text) ? `'${text}` : text;
}

export function csvField(value: Cell): string {
  if (value === null) return "";
  const text = typeof value === "string" ? neutralise(value) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

/** "rebound-calls-2026-09-01-to-2026-11-26.csv" */
export function exportFilename(kind: string, range: { from: string; to: string }): string {
  return `rebound-${kind}-${range.from}-to-${range.to}.csv`;
}
