import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parseScenario';
import { AppState } from '../../src/state/appState.svelte';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

const scenario = parseScenario({ version: 1, seed: 9, workload: { clients: 10 } });
const trace = { name: 'pages.csv', requests: 3, distinctKeys: 2, writes: 0 };

function setup() {
  const sent: ToWorker[] = [];
  let deliver: (message: FromWorker) => void = () => {};
  const app = new AppState({ post: (m) => sent.push(m), listen: (h) => (deliver = h) });
  return { app, sent, deliver: (m: FromWorker) => deliver(m) };
}

describe('a trace-driven run in the app state', () => {
  it("hands the trace file's text to the worker, gunzipped, under the file's name", async () => {
    const { app, sent } = setup();
    const gzipped = await new Response(
      new Blob(['time,key\n0,a\n1,b\n']).stream().pipeThrough(new CompressionStream('gzip')),
    ).arrayBuffer();
    await app.playTrace(new File([gzipped], 'pages.csv.gz'));
    expect(sent.at(-1)).toEqual({ type: 'load.trace', text: 'time,key\n0,a\n1,b\n', name: 'pages.csv.gz' });
    expect(app.rewinding).toBe(true);
  });

  it('says which file could not be read, and sends nothing', async () => {
    const { app, sent } = setup();
    await app.playTrace(new File(['time,key\n'], 'plain.csv.gz'));
    expect(app.notice?.message).toBe(
      'plain.csv.gz: named .gz but not gzip-compressed (it does not start as gzip does)',
    );
    expect(sent.filter((m) => m.type === 'load.trace')).toEqual([]);
  });

  it('keeps the trace when a run restarts with new settings, and names it', () => {
    const { app, sent, deliver } = setup();
    deliver({ type: 'loaded', scenario, commands: [], preset: null, trace });
    expect(app.sim.trace).toEqual(trace);
    app.restartWith((s) => void (s.topology.distributed.nodes = 4));
    expect(sent.at(-1)).toMatchObject({ type: 'load', keepTrace: true });
    deliver({ type: 'loaded', scenario, commands: [], preset: 'basics' });
    expect(app.sim.trace).toBeNull();
    app.restartWith((s) => void (s.topology.distributed.nodes = 2));
    expect(sent.at(-1)).not.toHaveProperty('keepTrace');
  });
});
