import { describe, expect, it } from 'vitest';
import { sweepCsv, sweepCsvColumns } from '../../../src/engine/export/sweepCsv';
import { planSweep, runSweep } from '../../../src/engine/experiments/planSweep';
import { measureVariant } from '../../../src/engine/experiments/sweepPoint';
import { InputError } from '../../../src/engine/inputError';
import { parseScenario } from '../../../src/engine/scenario/parseScenario';
import { loadPreset } from '../../../src/engine/scenario/presets';
import { documentedColumns } from '../export/reportFixture';

const short = { ...loadPreset('flash-sale'), durationMs: 8_000 };

describe('a sweep of one setting', () => {
  it('gives at each value the point of a single run with that setting, set by hand', () => {
    const plan = planSweep(short, 'tiers.distributed.capacity', ['100', '2000']);
    const points = runSweep(plan);
    for (const [i, capacity] of [100, 2000].entries()) {
      const byHand = parseScenario({
        ...short,
        topology: { ...short.topology, distributed: { ...short.topology.distributed, capacity } },
      });
      expect(points[i]).toEqual(measureVariant(byHand, capacity));
    }
    // More memory, more hits, fewer database queries: the sweep measured something.
    expect(points[1].readsServedFromCache!).toBeGreaterThan(points[0].readsServedFromCache!);
    expect(points[1].databaseQueriesPerSecond).toBeLessThan(points[0].databaseQueriesPerSecond);
    expect(points[0].requests).toBe(points[1].requests);
  });

  it('types values like the setting: text for a choice, numbers for a TTL', () => {
    const writes = planSweep(short, 'policies.write', ['write-through', 'write-around']);
    expect(writes.values).toEqual(['write-through', 'write-around']);
    expect(writes.variants[0].policies.write).toBe('write-through');
    const ttl = planSweep(short, 'tiers.distributed.ttl.seconds', ['1', '30']);
    expect(ttl.values).toEqual([1, 30]);
    expect(ttl.variants[1].topology.distributed.ttl.seconds).toBe(30);
    expect(short.topology.distributed.ttl.seconds).not.toBe(30);
  });

  it('names an unknown setting with a suggestion, a group, and a value the scenario does not allow', () => {
    expect(() => planSweep(short, 'tiers.distributed.capacty', ['1'])).toThrow(
      /there is no setting "capacty".*did you mean "capacity"/,
    );
    expect(() => planSweep(short, 'tier.distributed.capacity', ['1'])).toThrow(
      /expected a path starting with tiers\./,
    );
    expect(() => planSweep(short, 'tiers.distributed.ttl', ['1'])).toThrow(
      /is a group of settings; expected one of its fields/,
    );
    expect(() => planSweep(short, 'tiers.distributed.capacity', ['100', 'lots'])).toThrow(
      /expected numbers like/,
    );
    expect(() => planSweep(short, 'tiers.distributed.capacity', ['0'])).toThrow(InputError);
    expect(() => planSweep(short, 'tiers.distributed.capacity', ['0'])).toThrow(
      /tiers\.distributed\.capacity=0: .*capacity/,
    );
    expect(() => planSweep(short, 'policies.write', ['write-sideways'])).toThrow(
      /policies\.write=write-sideways/,
    );
  });

  it('writes a row per value, with the header docs/csv.md documents', () => {
    const plan = planSweep(short, 'policies.stampede', ['none', 'coalesce']);
    const csv = sweepCsv(plan.path, runSweep(plan));
    expect(documentedColumns('sweep.csv')).toEqual(sweepCsvColumns);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(sweepCsvColumns.join(','));
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      'policies.stampede,none',
      'policies.stampede,coalesce',
    ]);
    // The flash sale has no browser cache: its hit ratio is empty, not 0.
    const browser = sweepCsvColumns.indexOf('browserHitRatio');
    expect(lines[1].split(',')[browser]).toBe('');
  });
});
