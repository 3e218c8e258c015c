import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parseScenario';
import { AppState } from '../../src/state/appState.svelte';
import { encodeShareLink } from '../../src/state/shareLink';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

const scenario = parseScenario({ version: 1, seed: 9, workload: { clients: 10 } });

function setup() {
  const sent: ToWorker[] = [];
  let deliver: (message: FromWorker) => void = () => {};
  const app = new AppState({ post: (m) => sent.push(m), listen: (h) => (deliver = h) });
  const loaded = () => deliver({ type: 'loaded', scenario, commands: [], preset: 'basics' });
  const types = () => sent.map((m) => m.type).filter((t) => t !== 'frame.ack' && t !== 'speed');
  return { app, sent, deliver: (m: FromWorker) => deliver(m), loaded, types };
}

/** A frame at nowMs with nothing in it. */
function frameAt(nowMs: number): FromWorker {
  return {
    type: 'frame',
    nowMs,
    durationMs: 60_000,
    playing: false,
    finished: false,
    events: [],
    dropped: 0,
    metrics: { nowMs, bucketMs: 1000, tiers: [], endToEnd: null!, seriesFromMs: 0, series: [] },
  };
}

describe('AppState', () => {
  it('drives the worker through the playback machine', () => {
    const { app, loaded, types } = setup();
    app.play();
    expect(types()).toEqual([]);
    loaded();
    expect(app.playback).toBe('paused');
    app.play();
    app.stepRequest();
    expect(app.playback).toBe('paused');
    expect(types()).toEqual(['play', 'pause', 'step.request']);
  });

  it('tells the worker the clamped speed', () => {
    const { app, sent } = setup();
    app.setSpeed(50_000);
    expect(app.speed).toBe(1000);
    expect(sent).toContainEqual({ type: 'speed', speed: 1000 });
  });

  it('acknowledges every frame and finishes when the worker reaches the end', () => {
    const { app, sent, deliver, loaded } = setup();
    loaded();
    app.runToEnd();
    expect(app.fastForward).toBe(true);
    deliver({
      type: 'frame',
      nowMs: 60_000,
      durationMs: 60_000,
      playing: false,
      finished: true,
      events: [],
      dropped: 0,
      metrics: { nowMs: 60_000, bucketMs: 1000, tiers: [], endToEnd: null!, seriesFromMs: 0, series: [] },
    });
    expect(sent.filter((m) => m.type === 'frame.ack').length).toBe(1);
    expect(app.playback).toBe('finished');
  });

  it('does not finish on a frame the worker sent before it took a seek: the rewound run is paused', () => {
    const { app, deliver, loaded } = setup();
    loaded();
    app.play();
    app.seek(22_000, 0);
    // The worker reached the end before the seek arrived; that frame is history.
    deliver({ ...frameAt(60_000), finished: true } as FromWorker);
    expect(app.playback).toBe('paused');
    deliver({ type: 'seeked', nowMs: 22_000, commands: [] });
    deliver(frameAt(22_000));
    expect(app.playback).toBe('paused');
    expect(app.sim.nowMs).toBe(22_000);
  });

  it('shows a bad input as a notice and keeps playing', () => {
    const { app, deliver, loaded } = setup();
    loaded();
    app.play();
    deliver({
      type: 'error',
      message: 'The commands are not valid',
      problems: ['change[0].command.node: ...'],
      input: true,
    });
    expect(app.notice?.message).toBe('The commands are not valid');
    expect(app.notice?.problems.length).toBe(1);
    expect(app.playback).toBe('playing');
  });

  it('shows the live settings: the scenario with applied changes folded in', () => {
    const { app, deliver, loaded } = setup();
    loaded();
    expect(app.settings?.topology.distributed.ttl.seconds).toBe(300);
    deliver({
      type: 'commands',
      commands: [
        {
          atMs: 0,
          command: { type: 'tier.configure', tier: 'distributed', changes: { ttl: { seconds: 0 } } },
        },
      ],
    });
    expect(app.settings?.topology.distributed.ttl.seconds).toBe(0);
    expect(app.settings?.topology.distributed.ttl.jitter).toBe(0);
  });

  it('shows the settings in effect at the simulated time, and lists the commands still ahead', () => {
    const { app, deliver } = setup();
    const ttl5 = {
      atMs: 35_900,
      command: { type: 'tier.configure', tier: 'distributed', changes: { ttl: { seconds: 5 } } },
    } as const;
    deliver({ type: 'loaded', scenario, commands: [ttl5], preset: null });
    deliver(frameAt(0));
    expect(app.settings?.topology.distributed.ttl.seconds).toBe(300);
    expect(app.scheduled).toEqual([ttl5]);
    deliver(frameAt(35_899));
    expect(app.settings?.topology.distributed.ttl.seconds).toBe(300);
    deliver(frameAt(35_900));
    expect(app.settings?.topology.distributed.ttl.seconds).toBe(5);
    expect(app.scheduled).toEqual([]);
  });

  it('restarts from the live settings when a load-time option changes, keeping earlier changes', () => {
    const { app, sent, deliver, loaded } = setup();
    loaded();
    deliver({
      type: 'commands',
      commands: [{ atMs: 0, command: { type: 'policies.set', changes: { write: 'write-back' } } }],
    });
    app.restartWith((s) => {
      s.workload.clients = 50;
    });
    const load = sent.find((m) => m.type === 'load') as Extract<ToWorker, { type: 'load' }>;
    expect(load.scenario).toMatchObject({ workload: { clients: 50 }, policies: { write: 'write-back' } });
    expect(app.sim.scenario?.workload.clients).toBe(10);
  });

  it('restores a share link by importing its run, and a damaged link keeps the current run', () => {
    const { app, sent, loaded } = setup();
    loaded();
    const hash = encodeShareLink({ scenario, commands: [{ atMs: 1, command: { type: 'database.fail' } }] });
    expect(app.openShareLink(hash)).toBe(true);
    const imported = sent.find((m) => m.type === 'import') as { text: string };
    expect(JSON.parse(imported.text).commands[0].command.type).toBe('database.fail');
    expect(app.openShareLink('#run=@@@')).toBe(false);
    expect(app.notice?.message).toMatch(/share link is damaged/);
    expect(sent.filter((m) => m.type === 'import').length).toBe(1);
    expect(app.openShareLink('')).toBe(false);
  });

  it('starts from the share link, or from the default preset when the link or its run is bad', () => {
    const first = setup();
    first.app.start('', 'basics');
    expect(first.sent).toContainEqual({ type: 'load.preset', name: 'basics' });
    const second = setup();
    second.app.start(encodeShareLink({ scenario, commands: [] }), 'basics');
    expect(second.types()).toEqual(['import']);
    second.deliver({
      type: 'error',
      message: 'The scenario is not valid',
      problems: ['seed: ...'],
      input: true,
    });
    expect(second.sent).toContainEqual({ type: 'load.preset', name: 'basics' });
    expect(second.app.notice?.message).toBe('The scenario is not valid');
  });

  it('rewinds through the worker, paused, and knows when the rewound run has arrived', () => {
    const { app, sent, deliver, loaded } = setup();
    loaded();
    app.play();
    app.seek(4000, 2);
    expect(sent).toContainEqual({ type: 'seek', toMs: 4000, commandCount: 2 });
    expect(app.playback).toBe('paused');
    expect(app.rewinding).toBe(true);
    const kept = [{ atMs: 0, command: { type: 'database.fail' as const } }];
    deliver({ type: 'seeked', nowMs: 4000, commands: kept });
    expect(app.rewinding).toBe(false);
    expect(app.sim.commands).toEqual(kept);
    expect(app.sim.nowMs).toBe(4000);
  });

  it('counts a load as under way until the worker has loaded it, so no one reads the old run as the new', () => {
    const { app, deliver, loaded } = setup();
    loaded();
    app.importText('{"scenario":{}}');
    expect(app.rewinding).toBe(true);
    app.loadPreset('basics');
    loaded();
    // One of the two loads is still to come.
    expect(app.rewinding).toBe(true);
    loaded();
    expect(app.rewinding).toBe(false);
    // A load the worker refuses leaves the run before it, no longer waiting.
    app.importText('not json');
    deliver({ type: 'error', message: 'The file is not JSON', problems: [], input: true });
    expect(app.rewinding).toBe(false);
  });

  it('resolves an export when the worker sends the file back, and the buttons wait meanwhile', async () => {
    const { app, sent, deliver, loaded } = setup();
    loaded();
    const pending = app.requestExport('summary-tiers');
    expect(app.exporting).toBe('summary-tiers');
    const request = sent.find((m) => m.type === 'export') as Extract<ToWorker, { type: 'export' }>;
    expect(request.file).toBe('summary-tiers');
    deliver({ type: 'export.progress', requestId: request.requestId, rows: 500_000 });
    expect(app.exportedRows).toBe(500_000);
    deliver({
      type: 'exported',
      requestId: request.requestId,
      file: 'summary-tiers',
      blob: new Blob(['s']),
      atMs: 1500,
    });
    expect(await (await pending).blob.text()).toBe('s');
    expect(app.exporting).toBe(null);
    expect(app.exportedRows).toBe(null);
  });

  it('ends the busy state when an export fails and says why in a notice', async () => {
    const { app, sent, deliver, loaded } = setup();
    loaded();
    const pending = app.requestExport('events', { fromMs: 0, toMs: 1000 });
    const request = sent.find((m) => m.type === 'export') as Extract<ToWorker, { type: 'export' }>;
    expect(request.window).toEqual({ fromMs: 0, toMs: 1000 });
    const message = 'The events CSV could not be made: the browser ran out of memory for it.';
    deliver({ type: 'export.failed', requestId: request.requestId, message });
    await expect(pending).rejects.toThrow(message);
    expect(app.exporting).toBe(null);
    expect(app.notice).toMatchObject({ kind: 'error', message });
  });

  it('ends the busy state when another run is loaded before the file comes back', async () => {
    const { app, deliver, loaded } = setup();
    loaded();
    const pending = app.requestExport('summary-tiers');
    const estimate = app.estimateEvents();
    loaded();
    await expect(pending).rejects.toThrow(/A new run was loaded/);
    await expect(estimate).rejects.toThrow(/A new run was loaded/);
    expect(app.exporting).toBe(null);
    // The stopped worker ends it too.
    const again = app.requestExport('timeseries');
    deliver({ type: 'error', message: 'The simulator stopped: out of memory', problems: [], input: false });
    await expect(again).rejects.toThrow('The simulator stopped');
    expect(app.exporting).toBe(null);
  });

  it('on a fresh load, a bad share link says what is wrong and that the default preset was loaded', () => {
    const damaged = setup();
    damaged.app.start('#run=@@@', 'basics');
    // The worker lists its presets after the page has started.
    damaged.deliver({ type: 'presets', presets: [{ name: 'basics', title: 'Basics', description: '' }] });
    expect(damaged.sent).toContainEqual({ type: 'load.preset', name: 'basics' });
    expect(damaged.app.notice?.message).toMatch(/share link is damaged/);
    expect(damaged.app.notice?.outcome).toBe(
      'Nothing else was open, so the default preset, "Basics", was loaded instead.',
    );

    const invalid = setup();
    invalid.app.start(encodeShareLink({ scenario, commands: [] }), 'basics');
    invalid.deliver({ type: 'error', message: 'The command log is not valid', problems: ['x'], input: true });
    expect(invalid.app.notice?.outcome).toMatch(/the default preset, "basics", was loaded instead/);

    // With a run open, the run is kept: the notice says nothing else (the banner says it is unchanged).
    const open = setup();
    open.loaded();
    open.app.openShareLink('#run=@@@');
    expect(open.app.notice?.outcome).toBeUndefined();
  });
});
