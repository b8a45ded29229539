/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte order mark, and a
 * guard against formula injection. Pure string building; the shell turns the text into a file.
 *
 * Why this opens in Excel and LibreOffice, English and German:
 * - The BOM makes Excel read the file as UTF-8 (without it, umlauts in account names turn into
 *   mojibake on Windows). LibreOffice and other tools skip it.
 * - Numbers are whole numbers, so the decimal comma of German locales never meets a value.
 * - The separator stays a comma. Excel in semicolon locales (German) puts every line into one
 *   column when the file is double-clicked; Data > From Text/CSV (Daten > Aus Text/CSV) detects
 *   the comma, and LibreOffice asks for the separator on opening. A `sep=,` first line would fix
 *   the double-click in Excel only, but LibreOffice and every other CSV reader take it for data
 *   and it breaks the documented header line, so it is not written.
 */

/** U+FEFF at the very start: the UTF-8 byte order mark once encoded. */
export const CSV_BOM = '\uFEFF';

const CSV_LINE_END = '\r\n';

/**
 * First characters that make a spreadsheet read a cell as a formula or a command (OWASP CSV
 * injection, ASVS 1.2.10): `=`, `+`, `-`, `@`, tab, carriage return and NUL.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;

/** Characters that force quoting under RFC 4180 (section 2, rules 6 and 7). */
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | null;

/**
 * One field. Text that a spreadsheet would run as a formula gets a leading `'`, which shows it
 * as text; fields with a comma, quote, CR or LF are quoted, inner quotes doubled. Numbers are
 * written as they are (a negative number is a number, not a formula); null is an empty field.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    return String(value);
  }
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

function csvLine(fields: readonly CsvValue[]): string {
  return fields.map(csvField).join(',');
}

/** A whole document: BOM, header line, one line per row, every line ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [csvLine(header), ...rows.map(csvLine)];
  return CSV_BOM + lines.map((line) => line + CSV_LINE_END).join('');
}
