import { describe, expect, it } from 'vitest';
import { parseComparisonDocument } from '../../../src/engine/experiments/comparisonDocument';
import { comparisonDocument } from '../../../src/engine/experiments/comparisonSpec';
import type { VariantSpec } from '../../../src/engine/experiments/planComparison';
import {
  commandsForVariant,
  unreachedNote,
  widestVariant,
} from '../../../src/engine/experiments/variantCommands';
import { InputError } from '../../../src/engine/inputError';
import type { TimedCommand } from '../../../src/engine/scenario/commandSchema';
import { loadPreset } from '../../../src/engine/scenario/presets';

const scenario = { ...loadPreset('flash-sale'), durationMs: 6_000 };
const specs: VariantSpec[] = [
  { name: 'This run', changes: [] },
  { name: 'Five nodes', changes: [{ path: 'tiers.distributed.nodes', value: '5' }] },
];
const log: TimedCommand[] = [
  { atMs: 1_000, command: { type: 'node.fail', node: 4 } },
  { atMs: 2_000, command: { type: 'database.fail' } },
  { atMs: 3_000, command: { type: 'node.recover', node: 4 } },
  { atMs: 3_000, command: { type: 'node.fail', node: 0 } },
];

describe('commands of a comparison whose variants differ in cache nodes', () => {
  const { variants } = parseComparisonDocument(comparisonDocument(scenario, specs, []));

  it('gives each variant the node faults of the nodes it has, and every other command', () => {
    expect(variants.map((v) => v.scenario.topology.distributed.nodes)).toEqual([3, 5]);
    expect(commandsForVariant(log, variants[0].scenario).map((c) => c.atMs)).toEqual([2_000, 3_000]);
    expect(commandsForVariant(log, variants[1].scenario)).toEqual(log);
    expect(widestVariant(variants)?.name).toBe('Five nodes');
  });

  it('opens a link whose log fails a node only the bigger variant has, keeping the whole log', () => {
    const document = parseComparisonDocument(comparisonDocument(scenario, specs, log));
    expect(document.commands).toEqual(log);
  });

  it('refuses a node no variant has, naming the variant with the most and the index', () => {
    const bad: TimedCommand[] = [{ atMs: 0, command: { type: 'node.fail', node: 5 } }];
    const attempt = () => parseComparisonDocument(comparisonDocument(scenario, specs, bad));
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow('variant "Five nodes" cannot apply it');
  });

  it('names the variants a node fault skips and why, and says nothing when it reaches them all', () => {
    expect(unreachedNote({ type: 'node.recover', node: 3 }, variants)).toBe(
      'Cache node 4 recovers in “Five nodes” only: “This run” has 3 cache nodes.',
    );
    expect(unreachedNote({ type: 'node.fail', node: 2 }, variants)).toBeNull();
    expect(unreachedNote({ type: 'database.fail' }, variants)).toBeNull();
  });
});
