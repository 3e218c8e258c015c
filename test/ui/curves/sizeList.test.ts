import { describe, expect, it } from 'vitest';
import { readSizeList } from '../../../src/ui/curves/sizeList';

describe('the cache sizes typed for a curve', () => {
  it('reads commas, spaces and underscores, sorted ascending without repeats', () => {
    expect(readSizeList('400, 100 1_600;100')).toEqual({ sizes: [100, 400, 1600], problem: null });
  });

  it('names the item that is not a whole number > 0', () => {
    expect(readSizeList('100, 2k')).toEqual({ sizes: null, problem: '"2k" is not a whole number > 0.' });
    expect(readSizeList('0').problem).toBe('"0" is not a whole number > 0.');
    expect(readSizeList('1.5').problem).toBe('"1.5" is not a whole number > 0.');
    expect(readSizeList('-3').problem).toBe('"-3" is not a whole number > 0.');
  });

  it('asks for at least one size, and at most 40', () => {
    expect(readSizeList(' , ').problem).toBe('Give at least one cache size.');
    expect(readSizeList(Array.from({ length: 41 }, (_, i) => i + 1).join(',')).problem).toBe(
      'At most 40 sizes, not 41.',
    );
  });
});
