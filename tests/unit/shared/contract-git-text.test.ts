import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/shared/contract';

describe('what team sync hands to git', () => {
  it('refuses a name, an email or a remote with control characters (git cannot take a NUL), in words', () => {
    const start = contract['team.start'].request;
    for (const bad of [{ name: '\u0000Ana' }, { email: 'ana@desk\n.example' }, { remoteUrl: 'https://git.example/desk\u0000.git' }]) {
      const result = start.safeParse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/one line of text, without control characters/);
    }
    expect(start.safeParse({ name: 'Ana Lima', email: 'ana@desk.example', remoteUrl: 'git@git.example:desk.git' }).success).toBe(true);
    expect(contract['team.clone'].request.safeParse({ url: '/srv/desk.git', folder: '/tmp/desk', name: 'A\u0007' }).success).toBe(false);
  });
});
