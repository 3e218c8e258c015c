import { describe, expect, it } from 'vitest';
import { estimatedWidth } from '../../../../src/ui/views/lib/fitText';
import { textLines } from '../../../../src/ui/views/lib/textLines';

describe('textLines', () => {
  it('breaks a sentence at spaces into lines that each fit, keeping every word in order', () => {
    const text =
      "Misses of the Distributed cache per second, stacked by cause; the key gives each cause's total";
    const lines = textLines(text, 12, 300);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(estimatedWidth(line, 12)).toBeLessThanOrEqual(300);
  });

  it('keeps a sentence that fits on one line, and gives a word longer than a line its own', () => {
    expect(textLines('Reads per second.', 12, 300)).toEqual(['Reads per second.']);
    expect(textLines('a tiers.distributed.capacity b', 12, 60)).toEqual([
      'a',
      'tiers.distributed.capacity',
      'b',
    ]);
    expect(textLines('', 12, 60)).toEqual([]);
  });
});
