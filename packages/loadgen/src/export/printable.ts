/**
 * Text a server sent, made safe to print on a terminal: escape sequences (CSI, OSC — window titles, screen
 * clears, hyperlinks — and the other ESC forms), C1 controls (0x80–0x9f, incl. the one-byte CSI 0x9b) and
 * C0 controls other than newline are dropped; tabs and carriage returns become spaces. Hand-written: strip-ansi
 * removes only well-formed ANSI sequences and leaves BEL, NUL, CR and bare ESC, which are the dangerous rest.
 */
const ESCAPE_SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[PX^_][^\x1b]*(?:\x1b\\)?|\x1b[ -/]*[0-~]?/g;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

export function printable(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(/[\t\r]/g, ' ').replace(CONTROL, '');
}
