import { describe, expect, it } from 'vitest';
import { csvCount, csvMs, csvRate, csvRatio } from '../../../src/engine/format/csvNumbers';

describe('CSV number formatting', () => {
  it('prints milliseconds with exactly 3 decimals', () => {
    expect([0, 1, 0.0005, 12.3456, 1e10 / 3].map(csvMs)).toEqual([
      '0.000',
      '1.000',
      '0.001',
      '12.346',
      '3333333333.333',
    ]);
  });

  it('prints ratios with exactly 6 decimals', () => {
    expect([0, 1, 2 / 3, 1e-7].map(csvRatio)).toEqual(['0.000000', '1.000000', '0.666667', '0.000000']);
  });

  it('prints rates per second with exactly 3 decimals', () => {
    expect([0, 412.5, 7 / 0.3].map(csvRate)).toEqual(['0.000', '412.500', '23.333']);
  });

  it('prints counts as integers, large ones without exponent notation', () => {
    expect([0, 7, 1e15, 2 ** 53].map(csvCount)).toEqual(['0', '7', '1000000000000000', '9007199254740992']);
  });

  it('never prints -0, and keeps real negative values', () => {
    expect([csvMs(-0), csvMs(-1e-9), csvRatio(-1e-12), csvCount(-0.2)]).toEqual([
      '0.000',
      '0.000',
      '0.000000',
      '0',
    ]);
    expect(csvMs(-1.5)).toBe('-1.500');
  });

  it('prints a number that is not finite as an empty field', () => {
    expect([NaN, Infinity, -Infinity].map(csvMs)).toEqual(['', '', '']);
  });
});
