import { describe, expect, it } from 'vitest';
import { nearestName, suggest } from '../../../src/engine/input/suggest';

describe('suggest', () => {
  it('suggests the name a small typo away, ignoring case', () => {
    expect(suggest('ratePerSecnod', ['clients', 'ratePerSecond'])).toBe(' (did you mean "ratePerSecond"?)');
    expect(nearestName('LRUU', ['lru', 'lfu'])).toBe('lru');
    expect(nearestName('scenaro', ['seed', 'scenario'])).toBe('scenario');
  });

  it('counts a swap of two neighbours as one edit', () => {
    // Three letters allow one edit: "lur" is two insertions or deletions from "lru", but one swap.
    expect(nearestName('lur', ['fifo', 'lru'])).toBe('lru');
    expect(nearestName('lxy', ['fifo', 'lru'])).toBeNull();
  });

  it('suggests nothing for a word far from every name, or for a name that is right', () => {
    expect(suggest('banana', ['lru', 'lfu'])).toBe('');
    expect(suggest('lru', ['lru', 'lfu'])).toBe('');
    expect(nearestName('x', [])).toBeNull();
  });

  it('allows more edits in longer words, at most three', () => {
    expect(nearestName('ab', ['cd'])).toBeNull();
    expect(nearestName('abcdefghi', ['abcxyzghi'])).toBe('abcxyzghi');
    expect(nearestName('abcdefghijkl', ['abcdwxyzijkl'])).toBeNull();
  });
});
