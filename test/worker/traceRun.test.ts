import { describe, expect, it } from 'vitest';
import { exportRun } from '../../src/engine/export/exportRun';
import { parseTrace } from '../../src/engine/replay/parseTrace';
import { loadPreset } from '../../src/engine/scenario/presets';
import { traceScenario } from '../../src/engine/workload/traceScenario';
import { EngineHost } from '../../src/worker/engineHost';
import { engineParts } from '../../src/worker/engineParts';
import type { FromWorker } from '../../src/worker/protocol';

/** 600 requests 10 ms apart over 40 keys, every tenth a write; keys with a comma, quoted. */
const lines = ['time,key,op'];
for (let i = 0; i < 600; i++)
  lines.push(`${5000 + i * 10},"page,${(i * 7) % 40}",${i % 10 === 9 ? 'write' : 'read'}`);
const traceText = `${lines.join('\n')}\n`;

/** A host over the real engine and the real exports, its wall clock moved by hand. */
function host() {
  const posted: FromWorker[] = [];
  const clock = { wallMs: 0 };
  const engineHost = new EngineHost({
    ...engineParts,
    post: (m) => posted.push(m),
    wallMs: () => clock.wallMs,
  });
  const tick = () => {
    clock.wallMs += 16;
    engineHost.tick();
    engineHost.handle({ type: 'frame.ack' });
  };
  const settle = () => {
    for (let i = 0; i < 10_000 && engineHost.running; i++) tick();
  };
  const loads = () => posted.filter((m) => m.type === 'loaded');
  const file = async (requestId: number) => {
    const message = posted.find((m) => m.type === 'exported' && m.requestId === requestId);
    if (message?.type !== 'exported') throw new Error(`no file for request ${requestId}`);
    return message.blob.text();
  };
  return { host: engineHost, posted, settle, loads, file };
}

describe('a trace-driven run in the worker', () => {
  it("loads on the current run's scenario, names the trace, and keeps it through reset and restart", () => {
    const { host: h, loads } = host();
    h.handle({ type: 'load.preset', name: 'basics' });
    h.handle({ type: 'load.trace', text: traceText, name: 'pages.csv' });
    const loaded = loads()[1];
    expect(loaded).toMatchObject({
      preset: null,
      trace: { name: 'pages.csv', requests: 600, distinctKeys: 40, writes: 60 },
    });
    if (loaded.type !== 'loaded') throw new Error('not loaded');
    expect(loaded.scenario.workload.keySpaces[0]).toMatchObject({ name: 'trace', count: 40 });
    h.handle({ type: 'reset' });
    expect(loads()[2]).toMatchObject({ trace: { name: 'pages.csv' } });
    h.handle({ type: 'load', scenario: loaded.scenario, keepTrace: true });
    expect(loads()[3]).toMatchObject({ trace: { name: 'pages.csv' } });
    h.handle({ type: 'load.preset', name: 'basics' });
    expect(loads()[4]).not.toHaveProperty('trace');
  });

  it('asks for a run first when there is none to play the trace on', () => {
    const { host: h, posted } = host();
    h.handle({ type: 'load.trace', text: traceText, name: 'pages.csv' });
    expect(posted).toEqual([
      {
        type: 'error',
        message: "pages.csv: a trace plays on a run's topology; open a preset or a run first",
        problems: [],
        input: true,
      },
    ]);
  });

  it('refuses a malformed trace, naming the file and line, and keeps the run', () => {
    const { host: h, posted, loads } = host();
    h.handle({ type: 'load.preset', name: 'basics' });
    h.handle({ type: 'load.trace', text: 'time,key\n0,a\nsoon,b\n', name: 'bad.csv' });
    h.handle({ type: 'load.trace', text: 'time,key\n', name: 'empty.csv' });
    const errors = posted.filter((m) => m.type === 'error');
    expect(errors.map((e) => e.type === 'error' && e.message)).toEqual([
      'bad.csv: line 3, field "time": expected a number >= 0, got "soon"',
      'empty.csv: the trace has a header but no requests (expected rows from line 2)',
    ]);
    expect(errors.every((e) => e.type === 'error' && e.input)).toBe(true);
    expect(loads()).toHaveLength(1);
  });

  it("seeks back to the same run, and exports the CLI's bytes of it", async () => {
    const { host: h, posted, settle, file } = host();
    h.handle({ type: 'load.preset', name: 'basics' });
    h.handle({ type: 'load.trace', text: traceText, name: 'pages.csv' });
    h.handle({ type: 'run.end' });
    settle();
    h.handle({ type: 'seek', toMs: 3000, later: 'keep' });
    settle();
    h.handle({ type: 'export', requestId: 1, file: 'summary-tiers' });
    h.handle({ type: 'export', requestId: 2, file: 'events' });
    const scenario = traceScenario(loadPreset('basics'), { name: 'pages.csv', trace: parseTrace(traceText) });
    const expected = exportRun(scenario, [], 3000, {
      trace: { name: 'pages.csv', trace: parseTrace(traceText) },
    });
    expect(await file(1)).toBe(expected.summaryTiers);
    expect(await file(2)).toBe(expected.events);
    expect(expected.events).toContain('"page,7"');
    expect(posted.filter((m) => m.type === 'error')).toEqual([]);
  });

  it('writes a run file that carries the trace, and opens it again as the same run', async () => {
    const { host: h, loads, file } = host();
    h.handle({ type: 'load.preset', name: 'basics' });
    h.handle({ type: 'load.trace', text: traceText, name: 'pages.csv' });
    h.handle({ type: 'export', requestId: 1, file: 'run' });
    const text = await file(1);
    const run = JSON.parse(text);
    expect(Object.keys(run)).toEqual(['scenario', 'commands', 'atMs', 'trace']);
    expect(run.trace.name).toBe('pages.csv');
    expect(run.trace.csv).toBe(traceText);
    h.handle({ type: 'load.preset', name: 'basics' });
    h.handle({ type: 'import', text });
    expect(loads().at(-1)).toMatchObject({ trace: { name: 'pages.csv', requests: 600 } });
  });

  it('refuses a run file whose trace does not fit its scenario, saying so', () => {
    const { host: h, posted } = host();
    h.handle({ type: 'load.preset', name: 'basics' });
    const document = {
      scenario: loadPreset('basics'),
      commands: [],
      trace: { name: 'x.csv', csv: traceText },
    };
    h.handle({ type: 'import', text: JSON.stringify(document) });
    const error = posted.find((m) => m.type === 'error');
    expect(error?.type === 'error' && error.problems).toEqual([
      'trace: expected the trace the scenario was made from (one key space "trace" of as many keys), got 40 keys for key spaces "item" (200)',
    ]);
  });
});
