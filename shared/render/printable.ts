/**
 * Text for a terminal or a mail reader, from the list and other outside input. MOF's list (and a customer file)
 * is external input: an ESC or a C1 CSI in a name would be obeyed by the terminal that prints a report (moving
 * the cursor, rewriting lines, setting the window title), and a bidirectional override would show a name other
 * than the one stored. Text renderings pass through here; data outputs (JSON, CSV) keep every character, since
 * JSON escapes controls and the CSV export must stay faithful (see export-csv.ts).
 */

/** Line-like controls read as a space, so that the words on either side stay apart. */
const SPACING = /[\t\v\f\r\u0085\u2028\u2029]/g;
/** C0 (but the line feed), DEL, C1, and the bidirectional embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A multi-line rendering: its own line breaks stay, every other control goes. */
export function printableText(text: string): string {
  return text.replace(SPACING, ' ').replace(CONTROL, '');
}

/** One line (a subject, an error line): line breaks read as spaces too. */
export function printableLine(text: string): string {
  return printableText(text.replace(/\n/g, ' '));
}
