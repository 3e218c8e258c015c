import { describe, expect, it } from 'vitest';
import type { TimedCommand } from '../../../src/engine/scenario/commandSchema';
import { run, scenarioOf } from './runScenario';

/** Switches stampede protection off and on again every `periodMs`, from 1 s to `untilMs`. */
function toggles(periodMs: number, untilMs: number): TimedCommand[] {
  const commands: TimedCommand[] = [];
  for (let t = 1000, on = false; t < untilMs; t += periodMs, on = !on)
    commands.push({
      atMs: t,
      command: { type: 'policies.set', changes: { stampede: on ? 'coalesce' : 'none' } },
    });
  return commands;
}

describe('single-flight coalescing', () => {
  it('strands no request when the policy is switched off and on while leaders are loading', () => {
    const scenario = scenarioOf({ durationMs: 12_000, policies: { stampede: 'coalesce' } }, 'stampede');
    const { events } = run(scenario, { commands: toggles(37, 9000), events: true });
    const done = new Set(events.flatMap((e) => (e.type === 'request.done' ? [e.req] : [])));
    // Everything issued well before the end finishes: a leader the server forgot to drop would keep
    // its followers (and their workers) waiting for ever.
    const stranded = events.filter((e) => e.type === 'request.issued' && e.t < 10_000 && !done.has(e.req));
    expect(events.some((e) => e.type === 'request.issued')).toBe(true);
    expect(stranded).toEqual([]);
  });
});
