import { describe, expect, it } from 'vitest';
import { tickLabels } from '../../../src/ui/views/lib/tickLabels';

describe('tickLabels', () => {
  it('gives every tick of an axis a label of its own, with the decimals its step needs', () => {
    // Staleness in seconds: to one decimal these all read "0".
    expect(tickLabels([0, 0.01, 0.02, 0.03, 0.04])).toEqual(['0', '0.01', '0.02', '0.03', '0.04']);
    expect(tickLabels([0, 0.005, 0.01, 0.015])).toEqual(['0', '0.005', '0.01', '0.015']);
    expect(tickLabels([0, 0.5, 1, 1.5])).toEqual(['0', '0.5', '1', '1.5']);
    expect(tickLabels([0, 50, 100])).toEqual(['0', '50', '100']);
  });

  it('groups thousands, and labels a lone tick', () => {
    expect(tickLabels([0, 10_000, 20_000])).toEqual(['0', '10,000', '20,000']);
    expect(tickLabels([2.5])).toEqual(['2.5']);
    expect(tickLabels([])).toEqual([]);
  });
});
