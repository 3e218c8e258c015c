import { describe, expect, it } from 'vitest';
import type { TierSummary } from '../../../src/engine/metrics/types';
import type { TimedCommand } from '../../../src/engine/scenario/commandSchema';
import { focusTier, presenterChartIds } from '../../../src/ui/presenter/presenterCharts';

const tier = (name: TierSummary['tier'], lookups: number, misses: number) =>
  ({ tier: name, lookups, misses }) as TierSummary;
const tiers = [tier('cdn', 100, 10), tier('distributed', 90, 40), tier('bufferPool', 0, 0)];

describe('focusTier', () => {
  it('is the tier the latest command up to now changed', () => {
    const commands: TimedCommand[] = [
      { atMs: 1000, command: { type: 'tier.configure', tier: 'cdn', changes: { capacity: 5 } } },
      { atMs: 2000, command: { type: 'purge', tier: 'local', match: { kind: 'all' } } },
      { atMs: 3000, command: { type: 'database.fail' } },
    ];
    expect(focusTier(commands, 2500, tiers)).toBe('local');
    expect(focusTier(commands, 1500, tiers)).toBe('cdn');
  });

  it("makes a cache node's failure a change of the distributed cache", () => {
    const commands: TimedCommand[] = [{ atMs: 10, command: { type: 'node.fail', node: 0 } }];
    expect(focusTier(commands, 10, [tier('cdn', 100, 90)])).toBe('distributed');
  });

  it('ignores a command still to come, and a purge of every tier', () => {
    const commands: TimedCommand[] = [
      { atMs: 0, command: { type: 'purge', tier: 'all', match: { kind: 'all' } } },
      { atMs: 5000, command: { type: 'tier.configure', tier: 'cdn', changes: { capacity: 5 } } },
    ];
    expect(focusTier(commands, 4000, tiers)).toBe('distributed');
  });

  it('without a command is the used tier that missed most, or none before any lookup', () => {
    expect(focusTier([], 0, tiers)).toBe('distributed');
    expect(focusTier([], 0, [tier('cdn', 0, 0)])).toBeNull();
  });
});

describe('presenterChartIds', () => {
  it('keeps the hit ratio and the database load, and the focus tier misses by cause', () => {
    expect(presenterChartIds('cdn')).toEqual(['hit-ratio', 'db-queries', 'misses-cdn']);
    expect(presenterChartIds(null)).toEqual(['hit-ratio', 'db-queries']);
  });
});
