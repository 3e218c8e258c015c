import { describe, expect, it } from 'vitest';
import { main, type SimIo } from '../../src/cli/simMain';
import { exportRun } from '../../src/engine/export/exportRun';
import { parseTrace } from '../../src/engine/replay/parseTrace';
import { traceCsv } from '../../src/engine/replay/traceCsv';
import { loadPreset } from '../../src/engine/scenario/presets';
import { traceScenario } from '../../src/engine/workload/traceScenario';

/** The CLI with its files in memory. */
async function sim(argv: string[], files: Record<string, string>) {
  const out = { stderr: '', files: { ...files } };
  const io: SimIo = {
    stdout: () => {},
    stderr: (text) => void (out.stderr += text),
    readFile: async (path) => out.files[path],
    writeFile: async (path, text) => void (out.files[path] = text),
  };
  return { status: await main(argv, io), ...out };
}

const text = 'time,key,size\n0,a,10\n4,b,20\n9,a,10\n15,c,5\n';
const trace = { name: 'small.csv', trace: parseTrace(text) };
const scenario = traceScenario(loadPreset('basics'), trace);
const runFile = JSON.stringify({
  scenario,
  commands: [],
  trace: { name: 'small.csv', csv: traceCsv(trace.trace) },
});

describe("a trace-driven run's file", () => {
  it('writes the trace back as the text parseTrace reads, exactly', () => {
    expect(traceCsv(trace.trace)).toBe(text);
  });

  it("runs in the CLI with its trace, to the app's bytes", async () => {
    const out = await sim(['--scenario', 'run.json', '--summary-tiers-csv', 's.csv'], {
      'run.json': runFile,
    });
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.files['s.csv']).toBe(exportRun(scenario, [], scenario.durationMs, { trace }).summaryTiers);
  });

  it('is refused by a sweep, which runs generated workloads only', async () => {
    const out = await sim(['--scenario', 'run.json', '--sweep', 'seed=1,2'], { 'run.json': runFile });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('plays the trace small.csv; a sweep runs generated workloads only');
  });
});
