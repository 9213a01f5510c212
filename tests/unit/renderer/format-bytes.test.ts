import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/renderer/src/format';

describe('file sizes as people read them', () => {
  it('says bytes under a kilobyte, never "0 KB"', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(312)).toBe('312 bytes');
  });

  it('gives one decimal under ten, none above, in KB then MB', () => {
    expect(formatBytes(3_482)).toBe('3.4 KB');
    expect(formatBytes(122_880)).toBe('120 KB');
    expect(formatBytes(2_621_440)).toBe('2.5 MB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
  });
});
