// CSV as RFC 4180 writes it (CRLF lines; a field with a comma, quote or line break is quoted, its
// quotes doubled), made safe to open in a spreadsheet (CSV injection): a text cell that starts like
// a formula (= + - @, or a tab / carriage return) gets a leading apostrophe so it is read as text,
// never run; and a `;` followed by such a character gets an apostrophe after it, because a
// spreadsheet set to a semicolon list separator (most of Europe) splits the cell there and would
// start a new cell with a formula.
// Plain numbers and E.164 phone numbers ("+13105550100", "-5") are left alone: a formula made of
// digits alone calls no function and reaches no other cell, and an apostrophe would show as part of
// the number in some spreadsheets' CSV import and break sorting and look-ups by phone.
// This is the only CSV writer (every export goes through csvLine). Pure: no I/O.
import type { Cell } from "./resources";

const FORMULA_START = /^[=+\-@\t\r]/;
/** A `;` that a semicolon-separated reader would end a cell at, with a formula right after it. */
const FORMULA_AFTER_SEMICOLON = /;(?=[=+\-@\t\r])/g;
const HARMLESS = /^(?:[+-]?\d+(?:\.\d+)?|\+[1-9]\d{6,14})$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The text a spreadsheet will show for a cell, neutralised if it (or a `;`-separated part of it) could be taken for a formula. */
export function neutralise(text: string): string {
  if (HARMLESS.test(text)) return text;
  const parts = text.replace(FORMULA_AFTER_SEMICOLON, ";'");
  return FORMULA_START.test(parts) ? `'${parts}` : parts;
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
