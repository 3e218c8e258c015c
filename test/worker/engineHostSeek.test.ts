import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../src/engine/scenario/presets';
import { realSetup, scenario, setup } from './hostSetup';

describe('engine host seek', () => {
  it('puts the simulation back exactly as it was at an earlier time, with the commands up to then', () => {
    const { host, posted, engines, frame, frames, finishSeek } = realSetup();
    host.handle({ type: 'load', scenario: { ...loadPreset('basics'), durationMs: 60_000 } });
    host.handle({ type: 'speed', speed: 50 });
    host.handle({ type: 'play' });
    for (let i = 0; i < 10; i++) frame(16);
    host.handle({
      type: 'command',
      command: { type: 'tier.configure', tier: 'distributed', changes: { ttl: { seconds: 2 } } },
    });
    for (let i = 0; i < 10; i++) frame(16);
    host.handle({ type: 'pause' });
    const t0 = engines[0].nowMs;
    const metricsAtT0 = engines[0].metrics();
    const snapshotAtT0 = engines[0].snapshot();
    const commandsAtT0 = [...engines[0].commandLog];
    // On to T1, with changes the rewind must undo.
    host.handle({ type: 'play' });
    frame(16);
    host.handle({ type: 'command', command: { type: 'purge', tier: 'all', match: { kind: 'all' } } });
    for (let i = 0; i < 10; i++) frame(16);
    host.handle({ type: 'command', command: { type: 'node.fail', node: 0 } });
    for (let i = 0; i < 10; i++) frame(16);
    expect(engines[0].nowMs).toBeGreaterThan(t0 + 5000);
    expect(engines[0].metrics().endToEnd.requests).toBeGreaterThan(metricsAtT0.endToEnd.requests);

    host.handle({ type: 'seek', toMs: t0 });
    finishSeek();
    const rewound = engines[engines.length - 1];
    expect(rewound.nowMs).toBe(t0);
    expect(rewound.metrics()).toEqual(metricsAtT0);
    expect(rewound.snapshot()).toEqual(snapshotAtT0);
    expect(posted.filter((m) => m.type === 'seeked')).toEqual([
      { type: 'seeked', nowMs: t0, commands: commandsAtT0 },
    ]);
    const last = frames()[frames().length - 1];
    expect(last).toMatchObject({ nowMs: t0, playing: false, events: [] });
    // The frame carries the whole series up to t0, so the charts replace what they had.
    expect(last.metrics.seriesFromMs).toBe(0);
    expect(last.metrics.series).toEqual(metricsAtT0.series);
    expect(last.snapshot).toEqual(snapshotAtT0);
  });

  it('drops the commands applied at the seek time itself when told how many to keep', () => {
    const { host, posted, finishSeek } = realSetup();
    const earlier = [
      {
        atMs: 0,
        command: {
          type: 'tier.configure' as const,
          tier: 'distributed' as const,
          changes: { enabled: false },
        },
      },
    ];
    host.handle({ type: 'load', scenario: loadPreset('basics'), commands: earlier });
    host.handle({ type: 'command', command: { type: 'database.fail' } });
    host.handle({ type: 'seek', toMs: 0, commandCount: 1 });
    finishSeek();
    expect(posted.filter((m) => m.type === 'seeked')).toEqual([
      { type: 'seeked', nowMs: 0, commands: earlier },
    ]);
  });

  it('seeks in bounded ticks without frames, and runs what was sent meanwhile at the seek time, in order', () => {
    const { host, posted, frame, frames, lastFrame, engines } = setup({
      wallCostPerRunMs: 1,
      tickBudgetMs: 12,
    });
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'run.end' });
    for (let i = 0; i < 1000 && host.running; i++) frame(16);
    expect(lastFrame().nowMs).toBe(10_000);
    const framesBefore = frames().length;

    host.handle({ type: 'seek', toMs: 4000 });
    host.handle({ type: 'command', command: { type: 'database.fail' } });
    host.handle({ type: 'play' });
    frame(16);
    // Twelve 1 ms slices fit in the 12 ms budget: the seek goes on in the next ticks, showing nothing yet.
    expect(host.mode).toBe('seeking');
    expect(engines[1].runs).toBe(12);
    expect(frames().length).toBe(framesBefore);
    let ticks = 1;
    while (host.mode === 'seeking' && ticks < 1000) {
      frame(16);
      ticks++;
    }
    expect(ticks).toBeGreaterThan(1);
    const seekFrame = frames()[framesBefore];
    expect(seekFrame).toMatchObject({ nowMs: 4000, playing: false, finished: false, events: [] });
    // Then the held command applies at 4000 ms, and play resumes from there.
    expect([...posted].reverse().find((m) => m.type === 'commands')).toEqual({
      type: 'commands',
      commands: [{ atMs: 4000, command: { type: 'database.fail' } }],
    });
    expect(host.mode).toBe('playing');
  });
});
