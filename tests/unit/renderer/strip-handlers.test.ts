import { describe, expect, it } from 'vitest';
import { stripHandlerAttributes } from '../../../src/renderer/src/editor/paste/strip-handlers';

describe('handler attributes out of pasted markup, before any parser', () => {
  it('drops on* attributes however they are written, and keeps the rest', () => {
    expect(stripHandlerAttributes('<img src="x" onerror="alert(1)" alt=\'a > b\'>')).toBe('<img src="x" alt=\'a > b\'>');
    expect(stripHandlerAttributes('<img/onerror=alert(1)>')).toBe('<img>');
    expect(stripHandlerAttributes('<svg ONLOAD = "x"><p\nonclick=1 class=c>t</p>')).toBe('<svg><p class=c>t</p>');
    // An unquoted value runs to a space: "/onerror" here is part of src, as a browser reads it.
    expect(stripHandlerAttributes('<img src=x/onerror=1>')).toBe('<img src=x/onerror=1>');
  });

  it('leaves text, comments and raw-text elements alone', () => {
    expect(stripHandlerAttributes('carry on = yes <!-- <p onclick=1> --> <script>if (a<b) x()</script>')).toBe('carry on = yes <!-- <p onclick=1> --> <script>if (a<b) x()</script>');
    expect(stripHandlerAttributes('a < b and <3')).toBe('a < b and <3');
  });
});
