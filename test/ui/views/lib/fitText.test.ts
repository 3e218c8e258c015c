import { describe, expect, it } from 'vitest';
import { fitText } from '../../../../src/ui/views/lib/fitText';

describe('fitText', () => {
  it('squeezes a label too long for its box to the box', () => {
    expect(fitText('Load balancer', 11, 71, true)).toBe(71);
    expect(fitText('1 busy · 0 queued', 9.5, 71)).toBe(71);
  });

  it('leaves a label that fits as it is', () => {
    expect(fitText('App 1', 11, 71, true)).toBeUndefined();
    expect(fitText('3 users', 9.5, 71)).toBeUndefined();
  });
});
