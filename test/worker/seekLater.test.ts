import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../src/engine/scenario/presets';
import type { TimedCommand } from '../../src/engine/scenario/commandSchema';
import type { FromWorker } from '../../src/worker/protocol';
import { realSetup } from './hostSetup';

const purgeAll = { type: 'purge', tier: 'all', match: { kind: 'all' } } as const;
const log: TimedCommand[] = [
  { atMs: 2000, command: { type: 'database.fail' } },
  { atMs: 6000, command: purgeAll },
];
const scenario = { ...loadPreset('basics'), durationMs: 12_000 };

const seekedOf = (posted: FromWorker[]) =>
  posted.filter((m): m is Extract<FromWorker, { type: 'seeked' }> => m.type === 'seeked');

describe('engine host seek that keeps the later commands', () => {
  it('keeps the log after the moment as the run future, and plays on into it exactly as a fresh run', () => {
    const { host, posted, engines, frame, finishSeek } = realSetup();
    host.handle({ type: 'load', scenario, commands: log });
    host.handle({ type: 'run.end' });
    for (let i = 0; i < 10_000 && host.running; i++) frame(16);
    expect(engines[0].finished).toBe(true);
    const atEnd = engines[engines.length - 1].metrics();

    host.handle({ type: 'seek', toMs: 3000, later: 'keep' });
    finishSeek();
    expect(seekedOf(posted).at(-1)).toEqual({ type: 'seeked', nowMs: 3000, commands: log });
    const rewound = engines[engines.length - 1];
    rewound.runUntil(scenario.durationMs);
    expect(rewound.metrics()).toEqual(atEnd);
  });

  it('drops the later commands by default, as lessons expect', () => {
    const { host, posted, finishSeek } = realSetup();
    host.handle({ type: 'load', scenario, commands: log });
    host.handle({ type: 'seek', toMs: 3000 });
    finishSeek();
    expect(seekedOf(posted).at(-1)?.commands).toEqual([log[0]]);
  });
});

describe('engine host step back', () => {
  it('goes back one event: stepping forward again gives the same state as before', () => {
    const { host, engines, finishSeek } = realSetup();
    host.handle({ type: 'load', scenario, commands: log });
    for (let i = 0; i < 400; i++) host.handle({ type: 'step.event' });
    const before = engines[0];
    const eventsRun = before.eventsRun;
    const metrics = before.metrics();
    const snapshot = before.snapshot();
    host.handle({ type: 'step.event' });

    host.handle({ type: 'step.back', unit: 'event' });
    finishSeek();
    const back = engines[engines.length - 1];
    expect(back.eventsRun).toBe(eventsRun);
    expect(back.metrics()).toEqual(metrics);
    expect(back.snapshot()).toEqual(snapshot);
  });

  it('goes back to one completed request fewer, keeping every command', () => {
    const { host, posted, engines, finishSeek } = realSetup();
    host.handle({ type: 'load', scenario, commands: log });
    host.handle({ type: 'seek', toMs: 4000, later: 'keep' });
    finishSeek();
    const done = engines[engines.length - 1].requestsDone;
    expect(done).toBeGreaterThan(10);

    host.handle({ type: 'step.back', unit: 'request' });
    finishSeek();
    const back = engines[engines.length - 1];
    expect(back.requestsDone).toBe(done - 1);
    const { completed, failed } = back.metrics().endToEnd;
    expect(completed + failed).toBe(done - 1);
    expect(seekedOf(posted).at(-1)).toMatchObject({ nowMs: back.nowMs, commands: log });
    expect(back.nowMs).toBeLessThan(4000);
  });

  it('stays at the start when there is nothing before', () => {
    const { host, engines, finishSeek } = realSetup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'step.back', unit: 'event' });
    finishSeek();
    expect(engines[engines.length - 1].eventsRun).toBe(0);
    expect(engines[engines.length - 1].nowMs).toBe(0);
  });
});

describe('engine host import at the moment', () => {
  it('opens a share link paused at its atMs with every command, later ones too', () => {
    const { host, posted, engines, finishSeek } = realSetup();
    const text = JSON.stringify({ scenario, commands: log, atMs: 4500 });
    host.handle({ type: 'import', text, source: 'share link', openAtMoment: true });
    finishSeek();
    expect(seekedOf(posted).at(-1)).toEqual({ type: 'seeked', nowMs: 4500, commands: log });
    const fresh = engines[engines.length - 1];
    expect(fresh.nowMs).toBe(4500);
  });

  it('opens a run file at its start, as before', () => {
    const { host, posted, engines } = realSetup();
    host.handle({ type: 'import', text: JSON.stringify({ scenario, commands: log, atMs: 4500 }) });
    expect(host.mode).toBe('paused');
    expect(seekedOf(posted)).toEqual([]);
    expect(engines[0].nowMs).toBe(0);
  });
});
