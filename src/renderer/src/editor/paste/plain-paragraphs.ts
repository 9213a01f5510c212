/**
 * Plain text pasted into the body (wire copy, an e-mail, a text file) as paragraphs: a
 * blank line or an indented line starts a paragraph, the line breaks of hard-wrapped text
 * join with a space (a short line ends a paragraph: wrapping only leaves the last one
 * short), and no empty paragraph is ever made. No DOM: testable in Node.
 */

/** The paragraphs of plain text, each one line of text, none empty. */
export function plainParagraphs(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n');
  const hasBlankLines = lines.some((line, i) => line.trim() === '' && i > 0 && i < lines.length - 1);
  const indented = lines.filter((line) => /^[ \t]{2,}\S/.test(line)).length;
  // Indentation marks paragraphs only when there are no blank lines to do it and several lines use it.
  const indentStarts = !hasBlankLines && indented >= 2;
  const long = lines.filter((line) => line.trim().length >= 50).length;
  // Hard-wrapped copy: most lines run long and stop short of a sentence's end.
  const wrapped = hasBlankLines || indentStarts || long >= Math.max(2, lines.filter((l) => l.trim()).length * 0.6);
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const joined = current.join(' ').replace(/[ \t]+/g, ' ').trim();
    if (joined) paragraphs.push(joined);
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (indentStarts && /^[ \t]{2,}\S/.test(line)) flush();
    current.push(line.trim());
    // Unwrapped text has a paragraph a line; in wrapped text only a paragraph's last line runs short.
    if (!wrapped || line.trim().length < 40) flush();
  }
  flush();
  return paragraphs;
}
