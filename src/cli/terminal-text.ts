/**
 * Text from a workspace (headlines, file names, reasons) is written by whoever wrote the
 * files. Printed raw, its escape sequences reach the terminal: they can retitle it, clear
 * it, move the cursor, or set the clipboard (OSC 52). This makes any text one inert line.
 */

// Line and paragraph breaks of every kind, and tabs: a table row stays one row.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// C0 controls (ESC and BEL among them), DEL and C1 controls (CSI 0x9b, OSC 0x9d ...).
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidi overrides, embeddings, isolates and marks: they reorder the text around them.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line of text that a terminal shows as text: breaks and tabs become spaces, other
 * control characters become U+FFFD (visible, so nothing is hidden), bidi controls go.
 */
export function terminalText(text: string): string {
  return text.replace(BREAKS, ' ').replace(CONTROLS, '\ufffd').replace(BIDI, '');
}

// What JSON.stringify leaves raw although a terminal may act on it: DEL, C1, bidi controls,
// and the line and paragraph separators. It escapes C0 itself.
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * JSON for a terminal: the same value as JSON.stringify gives (a parser reads the same
 * strings), with the characters above written as \u escapes. They only occur inside strings.
 */
export function terminalJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
