import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageHandlers } from '../../../src/engine/model/journey/handlers/index';
import {
  assertAllowedMove,
  journey,
  moveStartName,
  Stage,
  stageCount,
  stageNames,
} from '../../../src/engine/model/journey/stages';
import { presetNames } from '../../../src/engine/scenario/presets/index';
import { run, scenarioOf } from './runScenario';

const allowed = new Set(journey.map((m) => `${moveStartName(m.from)} → ${stageNames[m.to]}`));

describe('the request journey table', () => {
  it('holds every move requests make, under every preset and every read, write and stampede policy', () => {
    const seen = new Set<string>();
    const onStageMove = (from: string, to: string) => {
      const move = `${from} → ${to}`;
      // Fails the run at the move itself, naming it.
      if (!allowed.has(move))
        throw new Error(`a request moved ${move}, which is not a row of the journey table`);
      seen.add(move);
    };
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
    // Users' requests, background refreshes and write-back flushes all begin through the table.
    expect(seen).toContain('start → client');
    expect(seen).toContain('start → cache.node');
    // The table has no moves that never happen, bar the rare failure paths.
    expect(seen.size).toBeGreaterThan(new Set(allowed).size * 0.6);
  });

  it('refuses a move that is not a row, naming both stages', () => {
    expect(() => assertAllowedMove(Stage.Client, Stage.Database)).toThrow(
      'a request moved client → database.queue, which is not a row of the journey table',
    );
    expect(() => assertAllowedMove(null, Stage.DatabaseDone)).toThrow('start → database.done');
    expect(() => assertAllowedMove(Stage.Cdn, Stage.App)).not.toThrow();
    expect(() => assertAllowedMove(null, Stage.Client)).not.toThrow();
  });

  it('dispatches every stage to one handler', () => {
    expect(stageHandlers).toHaveLength(stageCount);
    for (let stage = 0; stage < stageCount; stage++)
      expect(typeof stageHandlers[stage], stageNames[stage as Stage]).toBe('function');
  });

  it('has one writer of a request’s stage: moves.ts (and the request’s own constructor)', () => {
    const root = 'src/engine/model';
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const writers = files.filter((file) => /\.stage\s*=[^=]/.test(readFileSync(join(root, file), 'utf8')));
    expect(writers.sort()).toEqual(['journey/moves.ts', 'request.ts']);
  });
});
