import { describe, expect, it } from 'vitest';
import { fileChartLayout, legendSlots } from '../../../../src/ui/views/lib/fileChartLayout';

describe('fileChartLayout', () => {
  it('puts the legend entries in rows across the plot, `columns` to a row', () => {
    expect(legendSlots(4, { left: 70, right: 370, top: 300, columns: 3 })).toEqual([
      { x: 70, y: 300 },
      { x: 170, y: 300 },
      { x: 270, y: 300 },
      { x: 70, y: 322 },
    ]);
  });

  it('fits three short names to a row, and fewer long ones, so no name runs off the page', () => {
    expect(fileChartLayout(720, ['p50', 'p95', 'p99']).legendColumns).toBe(3);
    const long = ['lru', 'fifo', 's3fifo', 'opt', "Che's model of LRU", 'King–Gelenbe model of FIFO/Random'];
    expect(fileChartLayout(720, long).legendColumns).toBe(2);
    expect(fileChartLayout(300, long).legendColumns).toBe(1);
  });

  it('makes room below the plot for each legend row, and above it for each line under the title', () => {
    const oneRow = fileChartLayout(720, ['a', 'b', 'c']).margin;
    expect(fileChartLayout(720, ['a', 'b', 'c', 'd']).margin.bottom - oneRow.bottom).toBe(22);
    const about = (lines: number) => fileChartLayout(720, ['a'], lines).margin.top;
    expect(about(2) - about(1)).toBe(15);
    expect(about(1)).toBeGreaterThan(about(0));
  });
});
