import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { missRatioCurveCsv, missRatioCurveCsvColumns } from '../../../src/engine/export/missRatioCurveCsv';
import { missRatioCurve } from '../../../src/engine/replay/missRatioCurve';
import { parseTrace } from '../../../src/engine/replay/parseTrace';
import { documentedColumns } from './reportFixture';

describe('miss-ratio-curve.csv', () => {
  // a b a c a b: with room for two, LRU and OPT both hit a twice (OPT evicts b at c); with room for one, nothing hits.
  const trace = parseTrace('time,key\n0,a\n1,b\n2,a\n3,c\n4,a\n5,b\n');
  const csv = missRatioCurveCsv(
    missRatioCurve(trace, { policies: ['lru', 'opt', 'random'], capacities: [2, 1] }),
  );

  it('writes the header exactly as docs/csv.md documents it', () => {
    expect(documentedColumns('miss-ratio-curve.csv')).toEqual(missRatioCurveCsvColumns);
    expect(csv.split('\n')[0]).toBe(missRatioCurveCsvColumns.join(','));
  });

  it('writes the simulated points first, then each model once per policy it predicts, with empty counts', () => {
    const rows = csvParse(csv);
    expect(rows.map((row) => `${row.policy}/${row.source}@${row.capacity}`)).toEqual([
      'lru/simulation@1',
      'lru/simulation@2',
      'opt/simulation@1',
      'opt/simulation@2',
      'random/simulation@1',
      'random/simulation@2',
      'lru/che-lru@1',
      'random/king-gelenbe-fifo-random@1',
      'lru/che-lru@2',
      'random/king-gelenbe-fifo-random@2',
    ]);
    expect(rows[1]).toMatchObject({
      missRatio: '0.666667',
      hitRatio: '0.333333',
      hits: '2',
      misses: '4',
      requests: '6',
    });
    expect(rows[2]).toMatchObject({ missRatio: '1.000000', hits: '0' });
    expect(rows[3]).toMatchObject({ missRatio: '0.666667', hits: '2' });
    expect(rows[6]).toMatchObject({ hits: '', misses: '', requests: '', unit: 'entries' });
    expect(csv.endsWith('\n')).toBe(true);
  });
});
