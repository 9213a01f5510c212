/**
 * The characters a terminal acts on rather than shows, found one code point at a time
 * (independently of the regular expressions in src/cli/terminal-text.ts).
 */
function isControl(code: number): boolean {
  return (
    code < 0x20 || // C0, ESC and BEL among them
    (code >= 0x7f && code <= 0x9f) || // DEL and C1, CSI 0x9b among them
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) || // bidi embeddings and overrides
    (code >= 0x2066 && code <= 0x2069) // bidi isolates
  );
}

/** Every such character in `text`, as U+XXXX, so a failure names them. */
export function terminalControls(text: string): string[] {
  return [...text].map((ch) => ch.codePointAt(0)!).filter(isControl).map((code) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
}
