import { describe, expect, it } from 'vitest';
import { prepareMarkup } from '../../../src/renderer/src/editor/paste/pre-parse';

describe('handler attributes out of pasted markup, before any parser', () => {
  it('drops on* attributes however they are written, and keeps the rest', () => {
    expect(prepareMarkup('<img src="x" onerror="alert(1)" alt=\'a > b\'>')).toBe('<img src="x" alt=\'a > b\'>');
    expect(prepareMarkup('<img/onerror=alert(1)>')).toBe('<img>');
    expect(prepareMarkup('<svg ONLOAD = "x"><p\nonclick=1 class=c>t</p>')).toBe('<svg><p class=c>t</p>');
    // Styles are renamed (the CSP would report them as they are parsed); one already named so is dropped.
    expect(prepareMarkup('<span style="font-weight:700" data-paste-style="x">b</span>')).toBe('<span data-paste-style="font-weight:700">b</span>');
    // An unquoted value runs to a space: "/onerror" here is part of src, as a browser reads it.
    expect(prepareMarkup('<img src=x/onerror=1>')).toBe('<img src=x/onerror=1>');
  });

  it('leaves text, comments and raw-text elements alone', () => {
    expect(prepareMarkup('carry on = yes <!-- <p onclick=1> --> <script>if (a<b) x()</script>')).toBe('carry on = yes <!-- <p onclick=1> --> <script>if (a<b) x()</script>');
    expect(prepareMarkup('a < b and <3')).toBe('a < b and <3');
  });
});
