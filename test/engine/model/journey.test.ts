import { describe, expect, it } from 'vitest';
import { journey, stageNames } from '../../../src/engine/model/journey';
import { presetNames } from '../../../src/engine/scenario/presets/index';
import { run, scenarioOf } from './runScenario';

const allowed = new Set(journey.map((m) => `${stageNames[m.from]} → ${stageNames[m.to]}`));

describe('the request journey table', () => {
  it('holds every move requests make, under every preset and every read, write and stampede policy', () => {
    const seen = new Set<string>();
    const onStageMove = (from: string, to: string) => seen.add(`${from} → ${to}`);
    const variants = [
      { policies: { read: 'read-through' } },
      { policies: { write: 'write-through' } },
      { policies: { write: 'write-back' } },
      { policies: { write: 'update-on-write', stampede: 'coalesce' } },
      { policies: { stampede: 'lock' } },
      { policies: { stampede: 'early-refresh' } },
      { topology: { distributed: { ttl: { staleWhileRevalidateSeconds: 30, refreshAheadFraction: 0.5 } } } },
    ] as const;
    for (const name of presetNames) {
      run(scenarioOf({ durationMs: 15_000 }, name), { onStageMove });
      for (const variant of variants)
        run(scenarioOf({ durationMs: 5_000, ...variant }, name), { onStageMove });
    }
    const outside = [...seen].filter((move) => !allowed.has(move));
    expect(outside).toEqual([]);
    // The table has no moves that never happen, bar the rare failure paths.
    expect(seen.size).toBeGreaterThan(journey.length * 0.6);
  });
});
