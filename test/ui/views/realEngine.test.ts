// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../../src/engine/createEngine';
import type { SimEvent } from '../../../src/engine/events';
import { parseScenario } from '../../../src/engine/scenario/parseScenario';
import type { Snapshot } from '../../../src/engine/snapshot';
import CacheInspector from '../../../src/ui/views/CacheInspector.svelte';
import Charts from '../../../src/ui/views/Charts.svelte';
import TopologyView from '../../../src/ui/views/TopologyView.svelte';
import { dotPosition } from '../../../src/ui/views/lib/dotPosition';
import { hopsInFlight } from '../../../src/ui/views/lib/hops';
import { outcomeOf } from '../../../src/ui/views/lib/outcomeOf';
import { glyphFor, topologyLayout } from '../../../src/ui/views/lib/topologyLayout';

/** A small run of the real engine: 30 users, a CDN, local caches, a bus, a replica; cache node 2 fails at 1 s. */
const scenario = parseScenario({
  version: 1,
  durationMs: 3000,
  workload: { clients: 30, ratePerSecond: 300 },
  topology: {
    cdn: { enabled: true },
    appServers: { local: { enabled: true } },
    bus: { enabled: true },
    database: { replicas: 1 },
  },
  faults: [{ atMs: 1000, command: { type: 'node.fail', node: 1 } }],
});

let snapshot: Snapshot;
let events: SimEvent[];
let engine: ReturnType<typeof createEngine>;

beforeAll(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  engine = createEngine(scenario, { recordEvents: true, eventBufferSize: 100_000 });
  engine.runUntil(2000);
  events = engine.drainEvents().events;
  snapshot = engine.snapshot(20);
});

describe('the views on a real engine run', () => {
  it('places every node of the snapshot in the topology', () => {
    const layout = topologyLayout(snapshot);
    for (const node of snapshot.nodes) expect(glyphFor(layout, node.id), node.id).toBeDefined();
  });

  it('can place every hop and every outcome the engine emits', () => {
    const layout = topologyLayout(snapshot);
    for (const e of events) {
      if (e.type === 'hop') expect(dotPosition(layout, e, e.t), `${e.from}>${e.to}`).toBeDefined();
      const outcome = outcomeOf(e);
      if (outcome) expect(glyphFor(layout, outcome.node), `${e.type} at ${outcome.node}`).toBeDefined();
    }
  });

  it('shows the failed cache node as down', () => {
    const { container } = render(TopologyView, {
      snapshot,
      hops: hopsInFlight(events, engine.nowMs - 5),
      nowMs: engine.nowMs - 5,
      recent: events.slice(-300),
      reducedMotion: false,
      highlightReq: null,
    });
    const down = snapshot.nodes.find((n) => n.kind === 'cache' && n.state === 'down')!;
    expect(container.querySelector(`[data-node="${down.id}"]`)!.textContent).toContain('DOWN');
  });

  it("lists a live cache's keys with their TTL", () => {
    const cache = snapshot.caches.find((c) => c.tier === 'distributed' && c.entries.length > 0)!;
    render(CacheInspector, { caches: snapshot.caches, selected: cache.id, onselect: () => {} });
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(cache.entries.length);
    expect(rows[0].textContent).toContain(cache.entries[0].key);
  });

  it('charts the run with a hit ratio for the tiers that saw lookups', () => {
    const report = engine.metrics();
    render(Charts, { series: report.series, bucketMs: report.bucketMs });
    const readout = within(screen.getByRole('figure', { name: /Tier hit ratio/ })).getByTestId(
      'readout',
    ).textContent;
    expect(readout).toMatch(
      /^\d+–\d+ s: App-local cache \d+(\.\d)?, Distributed cache \d+(\.\d)?, DB buffer pool \d+(\.\d)? %$/,
    );
  });
});
