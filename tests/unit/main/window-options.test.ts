import { describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../../src/main/app-protocol';
import { buildMenuTemplate } from '../../../src/main/menu';
import { isExternalLinkAllowed, isTrustedRendererUrl } from '../../../src/main/window-options';
import { RENDERER_CSP } from '../../../src/shared/csp';
import { tempDir } from '../../helpers/temp';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

// The window's own settings and what it asks before closing are checked as src/main/index.ts
// applies them, in desktop-shell.test.ts.
describe('window security', () => {
  it('trusts only the app origin (and the dev server when one is running)', () => {
    expect(isTrustedRendererUrl('copydesk://app/index.html')).toBe(true);
    expect(isTrustedRendererUrl('copydesk://evil/index.html')).toBe(false);
    expect(isTrustedRendererUrl('https://example.com/')).toBe(false);
    expect(isTrustedRendererUrl('file:///index.html')).toBe(false);
    expect(isTrustedRendererUrl(undefined)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false);
  });

  it('opens only web and mail links outside the app', () => {
    expect(isExternalLinkAllowed('https://example.org/report')).toBe(true);
    expect(isExternalLinkAllowed('mailto:desk@example.org')).toBe(true);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
    expect(isExternalLinkAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalLinkAllowed('smb://host/share')).toBe(false);
  });

  it('serves the renderer with the CSP and nothing outside its folder', async () => {
    const { dir, cleanup } = await tempDir();
    await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
    const ok = await serveAppRequest(dir, 'copydesk://app/index.html');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect((await serveAppRequest(dir, 'copydesk://app/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await serveAppRequest(dir, 'copydesk://other/index.html')).status).toBe(404);
    await cleanup();
  });

  it('allows no inline or remote script in the CSP', () => {
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|http)/);
    expect(RENDERER_CSP).toContain("object-src 'none'");
  });
});

describe('menu', () => {
  it('offers New Article with its shortcut and calls the action', () => {
    let called = 0;
    const template = buildMenuTemplate({ newArticle: () => called++, revealWorkspace: () => undefined }, 'linux');
    const file = template.find((m) => m.label === 'File')!;
    const item = (file.submenu as Array<{ label?: string; accelerator?: string; click?: () => void }>).find((i) => i.label === 'New Article')!;
    expect(item.accelerator).toBe('CmdOrCtrl+N');
    item.click!();
    expect(called).toBe(1);
    expect(buildMenuTemplate({ newArticle: () => 0, revealWorkspace: () => 0 }, 'darwin')[0]).toEqual({ role: 'appMenu' });
  });
});

describe('dialogs', () => {
  it('explains a startup failure in words', async () => {
    const { startupFailureMessage } = await import('../../../src/main/dialogs');
    const { ApiError } = await import('../../../src/shared/errors');
    expect(startupFailureMessage(new ApiError('locked', 'This workspace is open in another Copydesk process (pid 4).'))).toMatch(/another Copydesk/);
    expect(startupFailureMessage(Object.assign(new Error('x'), { code: 'EACCES', path: '/docs/Copydesk' }))).toMatch(/not allowed.*\/docs\/Copydesk/);
  });
});
