import { describe, expect, it } from 'vitest';
import { legendRows, legendSlots } from '../../../../src/ui/views/lib/legendSlots';

describe('legendSlots', () => {
  it('puts three entries to a row across the plot, then starts the next row below', () => {
    expect(legendSlots(4, { left: 70, right: 370, top: 300 })).toEqual([
      { x: 70, y: 300 },
      { x: 170, y: 300 },
      { x: 270, y: 300 },
      { x: 70, y: 320 },
    ]);
    expect(legendRows(4)).toBe(2);
    expect(legendRows(3)).toBe(1);
    expect(legendRows(0)).toBe(0);
  });
});
