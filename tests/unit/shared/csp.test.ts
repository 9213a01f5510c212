import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, RENDERER_CSP_META } from '../../../src/shared/csp';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('one CSP definition', () => {
  it('the page carries no policy of its own: the build writes the shared one in', async () => {
    const page = await readFile(path.join(ROOT, 'src/renderer/index.html'), 'utf8');
    expect(page).toContain('content="%COPYDESK_CSP%"');
    expect(page).not.toMatch(/default-src/);
    const config = await readFile(path.join(ROOT, 'electron.vite.config.ts'), 'utf8');
    expect(config).toMatch(/%COPYDESK_CSP%['"], RENDERER_CSP_META/);
  });

  it('the meta form is the header form without what a meta tag ignores', () => {
    expect(RENDERER_CSP).toContain("frame-ancestors 'none'");
    expect(RENDERER_CSP_META).not.toContain('frame-ancestors');
    expect(RENDERER_CSP_META.split('; ')).toEqual(RENDERER_CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')));
  });
});
