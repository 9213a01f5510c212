import { describe, expect, it } from 'vitest';
import { terminalJson, terminalText } from '../../../src/cli/terminal-text';
import { terminalControls } from './terminal-controls';

describe('terminalText', () => {
  it('leaves ordinary text of any script alone', () => {
    for (const text of ['Port strike enters second week', 'Café “quotes” — 448 drones', 'محادثات روتردام', 'שביתה בנמל', '港口罢工 🗞️', '']) {
      expect(terminalText(text)).toBe(text);
    }
  });

  it('turns line breaks and tabs into spaces, so a row stays one row', () => {
    expect(terminalText('one\ntwo\r\nthree\tfour\u2028five\u2029six\u0085seven\vx\fy')).toBe('one two  three four five six seven x y');
  });

  it('makes escape sequences inert: ESC, BEL, CSI and the rest of C0 and C1 become U+FFFD', () => {
    expect(terminalText('\u001b]0;pwned\u0007')).toBe('\ufffd]0;pwned\ufffd'); // retitle the window
    expect(terminalText('\u001b]52;c;ZXZpbA==\u0007')).toBe('\ufffd]52;c;ZXZpbA==\ufffd'); // set the clipboard
    expect(terminalText('\u001b[2J\u001b[H')).toBe('\ufffd[2J\ufffd[H'); // clear the screen
    expect(terminalText('\u009b2J\u009d0;x\u009c')).toBe('\ufffd2J\ufffd0;x\ufffd'); // the same in C1
    expect(terminalText('a\u0000b\u0008c\u007fd')).toBe('a\ufffdb\ufffdc\ufffdd');
  });

  it('drops bidi overrides, embeddings, isolates and marks', () => {
    expect(terminalText('invoice\u202egpj.exe')).toBe('invoicegpj.exe');
    expect(terminalText('\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061cok')).toBe('ok');
  });

  it('leaves nothing a terminal would act on, whatever the input', () => {
    let every = '';
    for (let code = 0; code <= 0x206f; code++) every += String.fromCharCode(code);
    const safe = terminalText(every);
    expect(terminalControls(every).length).toBeGreaterThan(60);
    expect(terminalControls(safe)).toEqual([]);
    expect(safe).toContain('abc');
  });
});

describe('terminalJson', () => {
  it('is the same value as JSON.stringify gives, with nothing a terminal acts on left raw', () => {
    const value = { headline: 'a\u001b]0;x\u0007 \u009b2J \u202eevil\u2028line', nested: [{ file: 'n\u007fame\u0085' }], plain: 'Café 🗞️' };
    const json = terminalJson(value, 2);
    expect(terminalControls(json.replaceAll('\n', ''))).toEqual([]);
    expect(JSON.parse(json)).toEqual(value);
    expect(terminalJson({ plain: 'Café 🗞️', n: 1 })).toBe(JSON.stringify({ plain: 'Café 🗞️', n: 1 }));
  });
});
