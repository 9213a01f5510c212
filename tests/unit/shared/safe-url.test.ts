import { describe, expect, it } from 'vitest';
import { isSafeLinkUrl, safeLinkUrl } from '../../../src/shared/safe-url';
import { isExternalLinkAllowed } from '../../../src/main/window-options';

describe('the one link rule', () => {
  it('lets http, https and mailto through, normalized, and nothing else', () => {
    expect(safeLinkUrl(' https://example.org/a b ')).toBe('https://example.org/a%20b');
    expect(isSafeLinkUrl('mailto:desk@example.org')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'vbscript:x', 'tel:+3110', '//evil.example', 'not a url']) {
      expect(isSafeLinkUrl(bad), bad).toBe(false);
      // The desktop shell opens in the system browser exactly what the editor lets in.
      expect(isExternalLinkAllowed(bad), bad).toBe(false);
    }
  });
});
