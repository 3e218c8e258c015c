import { describe, expect, it } from 'vitest';
import { csvParseRows } from 'd3-dsv';
import {
  comparisonEndToEndCsvColumns,
  comparisonTiersCsvColumns,
  exportComparison,
} from '../../../src/engine/export/comparisonCsv';
import { exportRun } from '../../../src/engine/export/exportRun';
import { summaryEndToEndCsvColumns } from '../../../src/engine/export/summaryEndToEndCsv';
import { summaryTiersCsvColumns } from '../../../src/engine/export/summaryTiersCsv';
import { planComparison, type VariantSpec } from '../../../src/engine/experiments/planComparison';
import { InputError } from '../../../src/engine/inputError';
import { loadPreset } from '../../../src/engine/scenario/presets';
import type { TimedCommand } from '../../../src/engine/scenario/commandSchema';
import { documentedColumns } from '../export/reportFixture';

const short = { ...loadPreset('flash-sale'), durationMs: 6_000 };
const policies: VariantSpec[] = [
  { name: 'LRU', changes: [] },
  { name: 'S3-FIFO', changes: [{ path: 'tiers.distributed.eviction', value: 's3fifo' }] },
];

const problem = (specs: VariantSpec[]) => {
  try {
    planComparison(short, specs);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
};

describe('planning a comparison', () => {
  it('keeps the first variant as the run it came from and chains each variant’s changes', () => {
    const [first, second, third] = planComparison(short, [
      ...policies,
      {
        name: 'S3-FIFO, short TTL',
        changes: [
          { path: 'tiers.distributed.eviction', value: 's3fifo' },
          { path: 'tiers.distributed.ttl.seconds', value: 2 },
        ],
      },
    ]);
    expect(first.scenario).toEqual(short);
    expect(second.scenario.topology.distributed.eviction).toBe('s3fifo');
    expect(third.scenario.topology.distributed.ttl.seconds).toBe(2);
    expect(third.scenario.topology.distributed.eviction).toBe('s3fifo');
    // The same seed for all: each variant sees the same requests.
    expect(new Set([first, second, third].map((v) => v.scenario.seed)).size).toBe(1);
  });

  it('names what is wrong: the count, a name, a variant that changes nothing, a path or a value', () => {
    expect(problem([policies[0]])).toContain('2 to 4 variants, not 1');
    expect(problem([...policies, ...policies, policies[1]])).toContain('not 5');
    expect(problem([policies[0], { ...policies[1], name: '  ' }])).toContain('variant 2: give it a name');
    expect(problem([policies[0], { ...policies[1], name: 'lru' }])).toContain(
      'the name "lru" is already variant 1\'s',
    );
    expect(problem([policies[0], { name: 'Same', changes: [] }])).toContain(
      'variant "Same": it changes no setting',
    );
    const path = problem([
      policies[0],
      { name: 'Typo', changes: [{ path: 'tiers.distributed.evicton', value: 'lru' }] },
    ]);
    expect(path).toContain('variant "Typo": tiers.distributed.evicton');
    expect(path).toContain('did you mean "eviction"');
    const value = problem([
      policies[0],
      { name: 'Bad', changes: [{ path: 'tiers.distributed.eviction', value: 'mru-ish' }] },
    ]);
    expect(value).toContain('variant "Bad": tiers.distributed.eviction=mru-ish');
  });
});

describe('the comparison CSV', () => {
  const commands: TimedCommand[] = [{ atMs: 2_500, command: { type: 'node.fail', node: 0 } }];

  it('has a row per variant and tier, each the bytes of that variant’s own summary after its name', () => {
    const variants = planComparison(short, [
      policies[0],
      { name: 'Small cache', changes: [{ path: 'tiers.distributed.capacity', value: 100 }] },
    ]);
    const csv = exportComparison(variants, commands, 5_000);
    const rows = csvParseRows(csv.summaryTiers);
    expect(rows[0]).toEqual(['variant', ...summaryTiersCsvColumns]);
    const alone = variants.map((v) => exportRun(v.scenario, commands, 5_000, { events: false }));
    const expected = variants.flatMap((v, i) =>
      alone[i].summaryTiers
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => `${v.name},${line}`),
    );
    expect(csv.summaryTiers.trimEnd().split('\n').slice(1)).toEqual(expected);
    expect(rows.length - 1).toBe(2 * (alone[0].summaryTiers.trimEnd().split('\n').length - 1));

    const ends = csv.summaryEndToEnd.trimEnd().split('\n');
    expect(ends[0]).toBe(['variant', ...summaryEndToEndCsvColumns].join(','));
    expect(ends.slice(1)).toEqual(
      variants.map((v, i) => `${v.name},${alone[i].summaryEndToEnd.split('\n')[1]}`),
    );
    // The capacities differ, so the rows do: the comparison measured two things.
    expect(ends[1].slice('LRU,'.length)).not.toBe(ends[2].slice('Small cache,'.length));
  });

  it('quotes a name with a comma, and docs/csv.md names its first column', () => {
    const variants = planComparison(short, [policies[0], { ...policies[1], name: 'S3-FIFO, big' }]);
    const csv = exportComparison(variants, [], 1_000);
    expect(csvParseRows(csv.summaryTiers).some((row) => row[0] === 'S3-FIFO, big')).toBe(true);
    expect(documentedColumns('comparison-tiers.csv')).toEqual([comparisonTiersCsvColumns[0]]);
    expect(comparisonEndToEndCsvColumns[0]).toBe('variant');
  });
});
