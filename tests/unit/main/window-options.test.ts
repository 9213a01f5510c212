import { describe, expect, it } from 'vitest';
import { appRequestPath, serveAppRequest } from '../../../src/main/app-protocol';
import { buildWindowOptions, isExternalLinkAllowed, isTrustedRendererUrl } from '../../../src/main/window-options';
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

  it('refuses `..`, absolute, drive, encoded and backslash paths before building any path', async () => {
    const { dir, cleanup } = await tempDir();
    await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
    const refused = [
      'copydesk://app/../../etc/passwd',
      'copydesk://app/%2e%2e/%2e%2e/etc/passwd',
      'copydesk://app/assets/..%2f..%2fsecret',
      'copydesk://app/assets%2findex.html',
      'copydesk://app/..%5c..%5cwindows%5cwin.ini',
      'copydesk://app/..\\..\\windows\\win.ini',
      'copydesk://app/assets\\index.html',
      'copydesk://app//etc/passwd',
      'copydesk://app/C:/Windows/win.ini',
      'copydesk://app/c%3A/Windows/win.ini',
      'copydesk://app/index.html%00.png',
      'copydesk://app/%E0%A4%A',
      'copydesk://app:8080/index.html',
      'copydesk://user:pw@app/index.html',
      'copydesk://other/index.html',
    ];
    for (const url of refused) {
      expect(appRequestPath(url), url).toBeNull();
      expect((await serveAppRequest(dir, url)).status, url).toBe(404);
    }
    expect(appRequestPath('copydesk://app/assets/index-3f2a.js')).toBe('/assets/index-3f2a.js');
    expect((await serveAppRequest(dir, 'copydesk://app/')).status).toBe(200);
    // Only reads: a POST gets nothing.
    expect((await serveAppRequest(dir, 'copydesk://app/index.html', 'POST')).status).toBe(405);
    // Every answer, a refusal too, carries the CSP.
    expect((await serveAppRequest(dir, 'copydesk://app/../x')).headers.get('content-security-policy')).toBe(RENDERER_CSP);
    await cleanup();
  });

  it('opens windows isolated, sandboxed, without Node, with web security, no webview and no drag-navigation', () => {
    const options = buildWindowOptions('/app/out/preload/index.js', { width: 1000, height: 700, x: 10, y: 20, title: 'Desk — Copydesk' });
    expect(options).toMatchObject({ width: 1000, height: 700, x: 10, y: 20, title: 'Desk — Copydesk', show: false });
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: true,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    });
    // No place given: the default size, no position (the system centers it).
    expect(buildWindowOptions('/p.js')).not.toHaveProperty('x');
  });

  it('allows no inline or remote script in the CSP', () => {
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|http)/);
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
    expect(RENDERER_CSP).toContain("object-src 'none'");
  });

  it('allows no inline style attribute; inline <style> only for the export preview’s srcdoc page', () => {
    const directives = new Map(RENDERER_CSP.split('; ').map((d) => [d.split(' ')[0], d] as const));
    expect(directives.get('style-src')).toBe("style-src 'self'");
    expect(directives.get('style-src-attr')).toBe("style-src-attr 'none'");
    expect(directives.get('style-src-elem')).toBe("style-src-elem 'self' 'unsafe-inline'");
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
