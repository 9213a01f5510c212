/**
 * A figure's value as a stable string: the value rounded to 12 significant digits. Values
 * already that short skip the rounding; the answer must be the same either way.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalValue, parseNumber } from '../../../../src/document/claims/numbers';

const rounded = (value: number) => (Number.isSafeInteger(value) && Math.abs(value) < 1e12 ? String(value) : String(Number(value.toPrecision(12))));

describe('canonical values', () => {
  it('are the value rounded to 12 significant digits', () => {
    for (const value of [0.1 + 0.2, 2.1 * 1e6, 1 / 3, 12.5, -12.5, 1e21, 1e-7, 123456789012.5, NaN, Infinity, -0]) expect(canonicalValue(value)).toBe(rounded(value));
    expect(canonicalValue(0.1 + 0.2)).toBe('0.3');
    fc.assert(fc.property(fc.double(), (value) => canonicalValue(value) === rounded(value)), { numRuns: 5000 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 9 }), (n, places) => canonicalValue(n / 10 ** places) === rounded(n / 10 ** places)));
  });
});

describe('numbers as written', () => {
  it('read their digits across group and decimal marks', () => {
    expect(parseNumber('2026', 'dot')).toEqual({ value: 2026, step: 1 });
    expect(parseNumber('99,000', 'dot')).toEqual({ value: 99000, step: 1000 });
    expect(parseNumber('99.000', 'comma')).toEqual({ value: 99000, step: 1000 });
    expect(parseNumber('1’000.50', 'comma')).toEqual({ value: 1000.5, step: 0.01 });
    expect(parseNumber('12 345,5', 'comma')).toEqual({ value: 12345.5, step: 0.1 });
    expect(parseNumber('1,234.5', 'dot')).toEqual({ value: 1234.5, step: 0.1 });
  });
});
