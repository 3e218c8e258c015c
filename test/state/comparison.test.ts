import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/createEngine';
import type { VariantSpec } from '../../src/engine/experiments/comparisonSpec';
import { loadPreset } from '../../src/engine/scenario/presets';
import { ComparisonState, type ComparisonPort } from '../../src/state/comparison.svelte';
import { ComparisonHost } from '../../src/worker/comparisonHost';
import type { FromComparison } from '../../src/worker/comparisonProtocol';

const scenario = { ...loadPreset('flash-sale'), durationMs: 6_000 };
const specs: VariantSpec[] = [
  { name: 'LRU', changes: [] },
  { name: 'S3-FIFO', changes: [{ path: 'tiers.distributed.eviction', value: 's3fifo' }] },
];

/** A comparison whose "worker" is the real host on this thread, ticked by hand on a fake clock. */
function setup() {
  const clock = { wallMs: 0 };
  const linkScenarios: string[] = [];
  let host: ComparisonHost | null = null;
  const ports: { closed: boolean }[] = [];
  const state = new ComparisonState(
    (): ComparisonPort => {
      let deliver: (message: FromComparison) => void = () => {};
      const port = { closed: false };
      ports.push(port);
      const thisHost = new ComparisonHost({
        createEngine: (s, options) => {
          const engine = createEngine(s, options);
          const runUntil = engine.runUntil.bind(engine);
          engine.runUntil = (t) => {
            const from = engine.nowMs;
            runUntil(t);
            clock.wallMs += (engine.nowMs - from) / 50;
          };
          return engine;
        },
        post: (m) => deliver(structuredClone(m)),
        wallMs: () => clock.wallMs,
      });
      host = thisHost;
      return {
        post: (m) => thisHost.handle(structuredClone(m)),
        listen: (handler) => (deliver = handler),
        close: () => (port.closed = true),
      };
    },
    (s) => linkScenarios.push(s.name),
  );
  /** Ticks the host until it stops running (a seek's end, a pause, the end of the run). */
  const settle = () => {
    for (let i = 0; i < 10_000 && host?.running; i++) {
      clock.wallMs += 16;
      host.tick();
    }
  };
  return { state, settle, ports, linkScenarios, tick: () => ((clock.wallMs += 16), host?.tick()) };
}

describe('a comparison on the page', () => {
  it('shows a SimStore per variant at one moment, and shares as a link that opens there again', () => {
    const { state, tick } = setup();
    state.open(scenario, specs);
    expect(state.active).toBe(true);
    expect(state.sims.map((s) => s.scenario?.topology.distributed.eviction)).toEqual(['lru', 's3fifo']);
    state.setSpeed(5);
    state.toggle();
    for (let i = 0; i < 20; i++) tick();
    state.apply({ type: 'database.slow', factor: 4 });
    for (let i = 0; i < 20; i++) tick();
    state.toggle();
    const atMs = state.sims[0].nowMs;
    expect(atMs).toBeGreaterThan(0);
    expect(state.sims[1].nowMs).toBe(atMs);
    expect(state.notice).toBeNull();
    expect(state.commands).toHaveLength(1);
    const hash = state.shareHash()!;
    expect(hash.startsWith('#compare=')).toBe(true);

    const other = setup();
    expect(other.state.openLink(hash)).toBe(true);
    other.settle();
    expect(other.state.variants.map((v) => v.name)).toEqual(['LRU', 'S3-FIFO']);
    // The run to go back to is the link's own scenario; a comparison opened from the dialog changes no run.
    expect(other.linkScenarios).toEqual(['Flash sale']);
    expect(state.sims).toHaveLength(2);
    expect(other.state.commands).toEqual(state.commands);
    expect(other.state.sims.map((s) => s.nowMs)).toEqual([atMs, atMs]);
    for (const i of [0, 1]) expect(other.state.sims[i].endToEnd).toEqual(state.sims[i].endToEnd);
  });

  it('says a damaged link is damaged, and a bad variant is named, with no comparison opened', () => {
    const { state, ports } = setup();
    expect(state.openLink('#compare=abc$')).toBe(false);
    expect(state.problem?.message).toContain('The share link is damaged: after "#compare="');
    expect(state.openLink('#run=abc')).toBe(false);

    state.open(scenario, [specs[0], { name: 'Typo', changes: [{ path: 'policies.wirte', value: 'x' }] }]);
    expect(state.active).toBe(false);
    expect(state.problem?.message).toContain('variant "Typo": policies.wirte');
    expect(state.problem?.message).toContain('did you mean "write"');
    // The worker started for the attempt is ended.
    expect(ports.every((p) => p.closed)).toBe(true);
  });

  it('goes back to the single run, ending its worker', () => {
    const { state, ports } = setup();
    state.open(scenario, specs);
    state.close();
    expect(state.active).toBe(false);
    expect(ports[0].closed).toBe(true);
  });
});
