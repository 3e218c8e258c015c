import { describe, expect, it } from 'vitest';
import { formatDifference, formatPointsDifference } from '../../../src/engine/format/readableNumbers';
import { differenceText, figureText } from '../../../src/ui/compare/figureText';

describe("a comparison's figures as text", () => {
  it('reads differences with their sign, shares in points, and a missing figure as a dash', () => {
    expect(formatDifference(-1234, (v) => String(v))).toBe('\u22121234');
    expect(formatPointsDifference(0.0123)).toBe('+1.2 pts');
    expect(differenceText(0, 'count')).toBe('±0');
    expect(differenceText(-2.5, 'ms')).toBe('\u22122.5 ms');
    // Too small to show is no difference, whichever its sign: never "−0.0 ms" beside "±0.0 ms".
    expect(formatPointsDifference(-0.0001)).toBe('±0.0 pts');
    expect(formatDifference(0.004, (v) => `${v.toFixed(1)} ms`)).toBe('±0.0 ms');
    expect(formatDifference(-0.06, (v) => `${v.toFixed(1)} ms`)).toBe('\u22120.1 ms');
    expect(figureText(null, 'ratio')).toBe('–');
    expect(figureText(12.34, 'perSecond')).toBe('12/s');
  });
});
