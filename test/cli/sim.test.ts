import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3-dsv';
import { main, type SimIo } from '../../src/cli/simMain';
import { nodeSimIo } from '../../src/cli/nodeSimIo';
import { exportRun } from '../../src/engine/export/exportRun';
import { eventCsvHeader } from '../../src/engine/export/index';
import { parseScenario } from '../../src/engine/scenario/parseScenario';
import { sweepCsv } from '../../src/engine/export/sweepCsv';
import { planSweep, runSweep } from '../../src/engine/experiments/planSweep';
import { EngineHost } from '../../src/worker/engineHost';
import { engineParts } from '../../src/worker/engineParts';
import type { ExportFile, FromWorker } from '../../src/worker/protocol';
import { loadPreset, presetNames } from '../../src/engine/scenario/presets/index';
import { createStream } from '../../src/engine/random';
import { createZipf } from '../../src/engine/workload/zipf';
import { parseTrace } from '../../src/engine/replay/parseTrace';
import { replayTrace } from '../../src/engine/replay/replayTrace';

/** An io whose files live in memory; writes under /readonly/ fail as a real read-only place would. */
function memoryIo(files: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '', files: { ...files } };
  const missing = (path: string) => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  let clockMs = 0;
  const io: SimIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readFile: async (path) => {
      if (!(path in out.files)) throw missing(path);
      return out.files[path];
    },
    writeFile: async (path, text) => {
      if (path.startsWith('/readonly/')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      out.files[path] = text;
    },
    now: () => (clockMs += 250),
  };
  return { io, out };
}

async function run(argv: string[], files: Record<string, string> = {}) {
  const { io, out } = memoryIo(files);
  const status = await main(argv, io);
  return { status, ...out };
}

/** A short scenario, so each run takes a moment. */
const small = JSON.stringify({
  version: 1,
  name: 'Small',
  seed: 5,
  durationMs: 5000,
  workload: { ratePerSecond: 200, keySpaces: [{ name: 'item', count: 50 }] },
});

const traceText = 'time,key\n0,a\n1,b\n2,a\n3,c\n4,a\n5,b\n';

describe('npm run sim: presets and help', () => {
  it('--list-presets prints every preset name, one a line', async () => {
    const result = await run(['--list-presets']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(presetNames);
  });

  it('--help describes the flags and the exit codes', async () => {
    const result = await run(['--help']);
    expect(result.status).toBe(0);
    for (const flag of [
      '--scenario',
      '--seed',
      '--until',
      '--summary-tiers-csv',
      '--summary-end-to-end-csv',
      '--timeseries-csv',
      '--events-csv',
      '--trace',
    ]) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toContain('Exit status');
  });
});

describe('npm run sim: scenario runs', () => {
  it('runs a preset with --json and prints one object with the metrics', async () => {
    const result = await run(['--scenario', 'preset:basics', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    const basics = loadPreset('basics');
    expect(out.scenario).toBe(basics.name);
    expect(out.seed).toBe(basics.seed);
    expect(out.durationMs).toBe(basics.durationMs);
    expect(out.metrics.endToEnd.requests).toBeGreaterThan(0);
    expect(out.metrics.tiers.some((tier: { tier: string }) => tier.tier === 'distributed')).toBe(true);
  });

  it('gives the same numbers for the same seed and different ones for another seed', async () => {
    const files = { 'small.json': small };
    const first = await run(['--scenario', 'small.json', '--json'], files);
    const again = await run(['--scenario', 'small.json', '--json'], files);
    const other = await run(['--scenario', 'small.json', '--json', '--seed', '6'], files);
    expect(again.stdout).toBe(first.stdout);
    expect(JSON.parse(other.stdout).seed).toBe(6);
    expect(JSON.parse(other.stdout).metrics).not.toEqual(JSON.parse(first.stdout).metrics);
  });

  it('prints for the flash sale exactly the summary docs/cli.md shows', async () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/cli.md'), 'utf8');
    const shown = /Without `--json` the run prints a readable summary:\n\n```\n([\s\S]*?)```/.exec(doc)?.[1];
    const result = await run(['--scenario', 'preset:flash-sale']);
    expect(result.status, result.stderr).toBe(0);
    expect(shown).toBe(result.stdout);
  });

  it('prints a readable summary: hit ratio per tier, misses by cause, staleness, latency, database, failures', async () => {
    const result = await run(['--scenario', 'small.json'], { 'small.json': small });
    expect(result.status, result.stderr).toBe(0);
    for (const text of [
      'Small (small.json), seed 5',
      'hit ratio',
      'cold miss',
      'capacity miss',
      'expired miss',
      'invalidated miss',
      'distributed',
      'stale reads',
      'p50',
      'p95',
      'p99',
      'peak queue',
      'lost writes',
      'leaks',
      'logged-out users',
    ]) {
      expect(result.stdout).toContain(text);
    }
  });

  it('writes the summary, time-series and event CSV files, the same bytes the browser exports', async () => {
    const result = await run(
      [
        '--scenario',
        'small.json',
        '--summary-tiers-csv',
        's.csv',
        '--summary-end-to-end-csv',
        'u.csv',
        '--timeseries-csv',
        't.csv',
        '--events-csv',
        'e.csv',
      ],
      { 'small.json': small },
    );
    expect(result.status, result.stderr).toBe(0);
    const expected = exportRun(loadSmall(), []);
    expect(result.files['s.csv']).toBe(expected.summaryTiers);
    expect(result.files['u.csv']).toBe(expected.summaryEndToEnd);
    expect(result.files['t.csv']).toBe(expected.timeSeries);
    expect(result.files['e.csv']).toBe(expected.events);
    expect(result.files['e.csv'].startsWith(eventCsvHeader)).toBe(true);
    expect(result.stdout).toContain('Wrote s.csv, u.csv, t.csv, e.csv');
  });

  it('streams the event log to a real file through the Node io', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cachescope-sim-'));
    writeFileSync(join(dir, 'small.json'), small);
    const status = await main(
      ['--scenario', join(dir, 'small.json'), '--events-csv', join(dir, 'e.csv'), '--json'],
      { ...nodeSimIo, stdout: () => {} },
    );
    expect(status).toBe(0);
    expect(readFileSync(join(dir, 'e.csv'), 'utf8')).toBe(exportRun(loadSmall(), []).events);
  });

  it('applies a command file to the run, and runs an exported run on its own', async () => {
    const commands = [{ atMs: 1000, command: { type: 'purge', tier: 'all', match: { kind: 'all' } } }];
    const files = {
      'small.json': small,
      'commands.json': JSON.stringify(commands),
      'run.json': JSON.stringify({ scenario: JSON.parse(small), commands }),
    };
    const plain = await run(['--scenario', 'small.json', '--summary-tiers-csv', 'plain.csv'], files);
    const purged = await run(
      ['--scenario', 'small.json', '--commands', 'commands.json', '--summary-tiers-csv', 's.csv'],
      files,
    );
    const exported = await run(['--scenario', 'run.json', '--summary-tiers-csv', 's.csv'], files);
    const alone = await run(['--commands', 'run.json', '--summary-tiers-csv', 's.csv'], files);
    expect([purged.status, exported.status, alone.status]).toEqual([0, 0, 0]);
    const expected = exportRun(loadSmall(), commands as never).summaryTiers;
    expect(purged.files['s.csv']).toBe(expected);
    expect(exported.files['s.csv']).toBe(expected);
    expect(alone.files['s.csv']).toBe(expected);
    expect(plain.files['plain.csv']).not.toBe(expected);
  });
});

describe('npm run sim: --until and exported moments', () => {
  const commands = [{ atMs: 1000, command: { type: 'purge', tier: 'all', match: { kind: 'all' } } }];
  const outputs = [
    '--summary-tiers-csv',
    's.csv',
    '--summary-end-to-end-csv',
    'u.csv',
    '--timeseries-csv',
    't.csv',
    '--events-csv',
    'e.csv',
  ];
  const filesOf = (result: { files: Record<string, string> }) =>
    ['s.csv', 'u.csv', 't.csv', 'e.csv'].map((name) => result.files[name]);
  const bytesOf = (csv: ReturnType<typeof exportRun>) => [
    csv.summaryTiers,
    csv.summaryEndToEnd,
    csv.timeSeries,
    csv.events,
  ];

  it('--until MS runs the scenario and its commands only to that time, and writes what it measured there', async () => {
    const files = { 'small.json': small, 'commands.json': JSON.stringify(commands) };
    const result = await run(
      ['--scenario', 'small.json', '--commands', 'commands.json', '--until', '2345.5', ...outputs],
      files,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(filesOf(result)).toEqual(bytesOf(exportRun(loadSmall(), commands as never, 2345.5)));
    expect(result.files['t.csv'].trimEnd().split('\n').pop()).toMatch(/^2000\.000,2345\.500,all,/);
    expect(result.stdout).toContain('seed 5, 2.346 s simulated');
    expect(result.stderr).toBe('');
  });

  it('runs an exported run to the moment it was exported at, says so, and --until overrides it', async () => {
    const files = { 'run.json': JSON.stringify({ scenario: JSON.parse(small), commands, atMs: 1500.25 }) };
    const atExport = await run(['--scenario', 'run.json', ...outputs], files);
    expect(atExport.status, atExport.stderr).toBe(0);
    expect(filesOf(atExport)).toEqual(bytesOf(exportRun(loadSmall(), commands as never, 1500.25)));
    expect(atExport.stderr).toContain(
      'run.json was exported at 1500.250 ms simulated; running to that moment',
    );
    expect(atExport.stderr).toContain('--until');

    const alone = await run(['--commands', 'run.json', ...outputs], files);
    expect(filesOf(alone)).toEqual(filesOf(atExport));

    const toEnd = await run(['--scenario', 'run.json', '--until', '5000', ...outputs], files);
    expect(toEnd.status, toEnd.stderr).toBe(0);
    expect(toEnd.stderr).toBe('');
    expect(filesOf(toEnd)).toEqual(bytesOf(exportRun(loadSmall(), commands as never)));
  });

  it("reproduces the app's mid-run export byte for byte, from its run file or with --until", async () => {
    // The worker as the app runs it: played from a wall clock, a command applied mid-run, exported.
    let wallMs = 0;
    const posted: FromWorker[] = [];
    const host = new EngineHost({
      ...engineParts,
      post: (message) => posted.push(message),
      wallMs: () => wallMs,
    });
    const frames = (count: number) => {
      for (let i = 0; i < count; i++) {
        wallMs += 16;
        host.tick();
        host.handle({ type: 'frame.ack' });
      }
    };
    host.handle({ type: 'load', scenario: JSON.parse(small) });
    host.handle({ type: 'speed', speed: 3.7 });
    host.handle({ type: 'play' });
    frames(20);
    host.handle({ type: 'command', command: { type: 'purge', tier: 'all', match: { kind: 'all' } } });
    frames(25);
    host.handle({ type: 'pause' });
    const kinds: ExportFile[] = ['summary-tiers', 'summary-end-to-end', 'timeseries', 'events', 'run'];
    const app: string[] = [];
    for (const [requestId, file] of kinds.entries()) {
      host.handle({ type: 'export', requestId, file });
      const made = posted.find((m) => m.type === 'exported' && m.requestId === requestId);
      if (made?.type !== 'exported') throw new Error(`no ${file} file`);
      expect(made.atMs).toBeGreaterThan(2000);
      expect(made.atMs).toBeLessThan(5000);
      app.push(await made.blob.text());
    }
    const [runJson, appFiles] = [app[4], app.slice(0, 4)];
    expect(appFiles[3]).toContain('\ncommand,');

    const files = { 'run.json': runJson, 'small.json': small };
    const fromFile = await run(['--scenario', 'run.json', ...outputs], files);
    expect(fromFile.status, fromFile.stderr).toBe(0);
    expect(filesOf(fromFile)).toEqual(appFiles);
    const until = String(JSON.parse(runJson).atMs);
    const withUntil = await run(
      ['--scenario', 'small.json', '--commands', 'run.json', '--until', until, ...outputs],
      files,
    );
    expect(filesOf(withUntil)).toEqual(appFiles);
  });

  it("takes the moment from the run that gives the commands, with another file's scenario", async () => {
    const other = JSON.stringify({ ...JSON.parse(small), seed: 6 });
    const files = {
      'other.json': other,
      'run.json': JSON.stringify({ scenario: JSON.parse(small), commands, atMs: 1200 }),
    };
    const result = await run(['--scenario', 'other.json', '--commands', 'run.json', ...outputs], files);
    expect(result.status, result.stderr).toBe(0);
    const scenario = parseScenario(JSON.parse(other));
    expect(filesOf(result)).toEqual(bytesOf(exportRun(scenario, commands as never, 1200)));
  });
});

describe('npm run sim: a sweep', () => {
  it(
    'runs each variant on worker threads and writes the bytes of the same sweep run one by one',
    { timeout: 120_000 },
    async () => {
      const scenario = JSON.stringify({ ...JSON.parse(small), durationMs: 3000 });
      const result = await run(
        [
          '--scenario',
          'small.json',
          '--sweep',
          'tiers.distributed.capacity=5,20,50',
          '--sweep-csv',
          'sweep.csv',
          '--json',
        ],
        { 'small.json': scenario },
      );
      expect(result.status, result.stderr).toBe(0);
      const plan = planSweep(parseScenario(JSON.parse(scenario)), 'tiers.distributed.capacity', [
        '5',
        '20',
        '50',
      ]);
      const alone = runSweep(plan);
      expect(result.files['sweep.csv']).toBe(sweepCsv(plan.path, alone));
      const out = JSON.parse(result.stdout);
      expect(out.setting).toBe('tiers.distributed.capacity');
      expect(out.points).toEqual(alone);
      const readable = await run(
        ['--scenario', 'small.json', '--sweep', 'policies.write=write-through,write-around'],
        {
          'small.json': scenario,
        },
      );
      expect(readable.status, readable.stderr).toBe(0);
      expect(readable.stdout).toMatch(/^Sweep of policies\.write on Small \(seed 5/);
      expect(readable.stdout).toMatch(/\nwrite-through\s+\d/);
      // Beside the simulated hit ratio, the formula that predicts it, and under the table what it leaves out.
      expect(readable.stdout).toMatch(/distributed hit ratio +Che's approximation \(LRU\)\n/);
      expect(readable.stdout).toContain(
        'At write-through: 5.0% of requests are writes, and each (write-through) stores',
      );
    },
  );
});

describe('npm run sim: trace replay', () => {
  it('replays a tiny trace and prints one JSON object with the counts and the time taken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cachescope-trace-'));
    const path = join(dir, 'tiny.csv');
    writeFileSync(path, traceText);
    const result = await run(['--trace', path, '--policy', 'lru', '--capacity', '2', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    // a b a c a b with room for two under LRU: a and a hit; b, c and the final b miss.
    expect(out).toEqual({
      policy: 'lru',
      capacity: 2,
      requests: 6,
      hits: 2,
      misses: 4,
      hitRatio: 2 / 6,
      missRatio: 4 / 6,
      seconds: 0.25,
    });
  });

  it('reads a gzipped trace and prints a readable result without --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cachescope-trace-'));
    const path = join(dir, 'tiny.csv.gz');
    writeFileSync(path, gzipSync(traceText));
    const result = await run(['--trace', path, '--policy', 'opt', '--capacity', '2']);
    expect(result.status, result.stderr).toBe(0);
    // a b a c a b with room for two: at c, OPT evicts b (needed latest); a hits twice.
    expect(result.stdout).toContain('6 requests, 3 distinct keys');
    expect(result.stdout).toContain('Policy opt, capacity 2 entries');
    expect(result.stdout).toMatch(/Hits 2 \(33\.33%\), misses 4/);
  });

  it('still lists a tier switched off during the run, with what it did while it was on', async () => {
    const commands = JSON.stringify([
      { atMs: 2000, command: { type: 'tier.configure', tier: 'distributed', changes: { enabled: false } } },
    ]);
    const result = await run(['--scenario', 'small.json', '--commands', 'off.json'], {
      'small.json': small,
      'off.json': commands,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/distributed \(off now\)\s+\d/);
  });

  it('knows a gzipped trace by its bytes, whatever it is called', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cachescope-trace-'));
    const path = join(dir, 'tiny.csv');
    writeFileSync(path, gzipSync(traceText));
    const result = await run(['--trace', path, '--policy', 'lru', '--capacity', '2', '--json']);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ requests: 6 });
  });

  it('names the trace file that is called .gz but is not gzip-compressed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cachescope-trace-'));
    const path = join(dir, 'plain.csv.gz');
    writeFileSync(path, traceText);
    const result = await run(['--trace', path, '--policy', 'lru', '--capacity', '2']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `trace file ${path}: named .gz but not gzip-compressed (it does not start as gzip does)`,
    );
  });

  it('--samples sets maxmemory-samples for the Redis policies, as the replay would with that setting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cachescope-trace-'));
    const path = join(dir, 'zipf.csv');
    const random = createStream(3, 'keys');
    const nextKey = createZipf(2000, 0.9, random);
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},k${nextKey()}`);
    writeFileSync(path, `time,key\n${rows.join('\n')}\n`);
    const trace = parseTrace(readFileSync(path, 'utf8'));
    for (const policy of ['redis-lru', 'redis-lfu'] as const) {
      const misses = async (samples: string[]) => {
        const result = await run([
          '--trace',
          path,
          '--policy',
          policy,
          '--capacity',
          '200',
          ...samples,
          '--json',
        ]);
        expect(result.status, result.stderr).toBe(0);
        return JSON.parse(result.stdout).misses as number;
      };
      const one = await misses(['--samples', '1']);
      expect(one).toBe(replayTrace(trace, { policy, capacity: 200, samples: 1 }).misses);
      expect(await misses([])).toBe(replayTrace(trace, { policy, capacity: 200, samples: 5 }).misses);
      expect(one).not.toBe(await misses([]));
    }
    const readable = await run([
      '--trace',
      path,
      '--policy',
      'redis-lru',
      '--capacity',
      '200',
      '--samples',
      '10',
    ]);
    expect(readable.stdout).toContain('Policy redis-lru (maxmemory-samples 10), capacity 200 entries');
  });

  it('draws a miss-ratio curve: every point is the single replay, OPT the floor, Che beside LRU, in JSON and CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cachescope-trace-'));
    const path = join(dir, 'zipf.csv');
    const nextKey = createZipf(500, 0.8, createStream(9, 'keys'));
    writeFileSync(
      path,
      `time,key\n${Array.from({ length: 20_000 }, (_, i) => `${i},k${nextKey()}`).join('\n')}\n`,
    );
    const trace = parseTrace(readFileSync(path, 'utf8'));
    const argv = ['--trace', path, '--policies', 'lru,opt,fifo', '--capacities', '50,25,100'];
    const result = await run([...argv, '--json', '--curve-csv', 'curve.csv']);
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({
      trace: path,
      requests: 20_000,
      distinctKeys: trace.distinctKeys,
      unit: 'entries',
    });
    expect(out.points).toHaveLength(9);
    for (const point of out.points) {
      expect(point).toEqual(replayTrace(trace, { policy: point.policy, capacity: point.capacity }));
      const opt = out.points.find(
        (p: { policy: string; capacity: number }) => p.policy === 'opt' && p.capacity === point.capacity,
      );
      expect(point.misses).toBeGreaterThanOrEqual(opt.misses);
    }
    expect(out.models.map((m: { model: string; capacity: number }) => `${m.model}@${m.capacity}`)).toEqual([
      'che-lru@25',
      'king-gelenbe-fifo-random@25',
      'che-lru@50',
      'king-gelenbe-fifo-random@50',
      'che-lru@100',
      'king-gelenbe-fifo-random@100',
    ]);
    const csv = csvParse(result.files['curve.csv']);
    expect(csv.columns).toEqual([
      'policy',
      'source',
      'capacity',
      'unit',
      'missRatio',
      'hitRatio',
      'hits',
      'misses',
      'requests',
    ]);
    expect(csv.filter((row) => row.source === 'simulation')).toHaveLength(9);
    const che = csv.find((row) => row.source === 'che-lru' && row.capacity === '50')!;
    expect(Number(che.missRatio)).toBeCloseTo(out.models[2].missRatio, 6);
    expect(che.hits).toBe('');

    const readable = await run(argv);
    expect(readable.stdout).toMatch(/capacity\s+lru\s+opt\s+fifo\s+che-lru\s+king-gelenbe-fifo-random/);
    expect(readable.stdout).toContain("opt is Belady's: no policy can miss less.");
  });

  it('says so, with status 2, when the event log cannot be written during the run (a full disk)', async () => {
    const { io, out } = memoryIo();
    io.openFile = async () => ({
      write: () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
      close: async () => {},
    });
    const status = await main(['--scenario', 'preset:basics', '--events-csv', 'events.csv'], io);
    expect(status).toBe(2);
    expect(out.stderr).toBe('sim: --events-csv events.csv: cannot write it (no space left on the device)\n');
  });
});

describe('npm run sim: mistakes exit with status 2 and a message naming the problem', () => {
  const files = {
    'small.json': small,
    'syntax.json': '{\n  "version": 1,\n  "seed": 3,\n}\n',
    'bad.json': JSON.stringify({ version: 1, topology: { cdn: { ttl: { seconds: -1 } } } }),
    'late.json': JSON.stringify([
      { atMs: 3000, command: { type: 'database.fail' } },
      { atMs: 1000, command: { type: 'database.recover' } },
    ]),
    'nodes.json': JSON.stringify([{ atMs: 0, command: { type: 'node.fail', node: 9 } }]),
    'commands-only.json': JSON.stringify([]),
    'late-run.json': JSON.stringify({ scenario: JSON.parse(small), commands: [], atMs: 9000 }),
  };
  const mistakes: { what: string; argv: string[]; says: string[] }[] = [
    {
      what: 'an unknown flag',
      argv: ['--scenaro', 'x.json'],
      says: ['unknown flag --scenaro', 'did you mean --scenario?'],
    },
    { what: 'a flag without its value', argv: ['--scenario'], says: ['--scenario: expected a value'] },
    {
      what: 'a value without its flag',
      argv: ['preset:basics'],
      says: ['unexpected argument "preset:basics"'],
    },
    { what: 'a value for a switch', argv: ['--list-presets=yes'], says: ['--list-presets: takes no value'] },
    { what: 'nothing to do', argv: [], says: ['expected --scenario FILE.json|preset:NAME, --trace FILE'] },
    {
      what: 'a missing scenario file',
      argv: ['--scenario', 'nope.json'],
      says: ['--scenario nope.json: cannot read it (no such file'],
    },
    {
      what: 'a JSON syntax error',
      argv: ['--scenario', 'syntax.json'],
      says: ['syntax.json', 'line 4, column 1', 'no comma after the last field'],
    },
    {
      what: 'an invalid scenario',
      argv: ['--scenario', 'bad.json'],
      says: ['bad.json', 'topology.cdn.ttl.seconds: expected a number >= 0, got -1'],
    },
    {
      what: 'an unknown preset',
      argv: ['--scenario', 'preset:flashsale'],
      says: ['no preset named "flashsale"', 'did you mean "flash-sale"?'],
    },
    {
      what: 'a seed that is not a number',
      argv: ['--scenario', 'small.json', '--seed', 'abc'],
      says: ['--seed: expected a whole number from 0 to 4294967295, got "abc"'],
    },
    {
      what: 'commands out of time order',
      argv: ['--scenario', 'small.json', '--commands', 'late.json'],
      says: ['late.json', "commands[1].atMs: expected a time >= the previous command's (3000)"],
    },
    {
      what: 'a command on a node that does not exist',
      argv: ['--scenario', 'small.json', '--commands', 'nodes.json'],
      says: ['commands[0].command.node: expected a cache node index from 0 to 2'],
    },
    {
      what: 'commands without a scenario',
      argv: ['--commands', 'commands-only.json'],
      says: ['holds only commands', '--scenario'],
    },
    {
      what: 'an output file that cannot be written',
      argv: ['--scenario', 'small.json', '--summary-tiers-csv', '/readonly/s.csv'],
      says: ['--summary-tiers-csv /readonly/s.csv: cannot write it (permission denied)'],
    },
    {
      what: 'the summary as one file, which is two now',
      argv: ['--scenario', 'small.json', '--summary-csv', 's.csv'],
      says: [
        '--summary-csv: the summary is now two files',
        '--summary-tiers-csv',
        '--summary-end-to-end-csv',
      ],
    },
    {
      what: 'an --until that is not a time',
      argv: ['--scenario', 'small.json', '--until', '12s'],
      says: ['--until: expected a simulated time in milliseconds', 'got "12s"'],
    },
    {
      what: 'an --until after the end of the run',
      argv: ['--scenario', 'small.json', '--until', '5000.5'],
      says: ['--until: expected a time within the run (durationMs is 5000), got 5000.5'],
    },
    {
      what: 'an exported moment that is not within the run',
      argv: ['--scenario', 'late-run.json'],
      says: [
        'late-run.json',
        'atMs: expected the simulated time the run was exported at, from 0 to its durationMs (5,000), got 9000',
      ],
    },
    {
      what: 'an --until with a trace',
      argv: ['--trace', 't.csv', '--policy', 'lru', '--capacity', '10', '--until', '5'],
      says: ['does not go with --until'],
    },
    {
      what: 'an unknown policy',
      argv: ['--trace', 't.csv', '--policy', 'lruu', '--capacity', '10'],
      says: ['--policy: unknown eviction policy "lruu"', 'did you mean lru?'],
    },
    {
      what: 'a zero capacity',
      argv: ['--trace', 't.csv', '--policy', 'lru', '--capacity', '0'],
      says: ['--capacity: expected a whole number >= 1, got "0"'],
    },
    {
      what: 'a fractional capacity',
      argv: ['--trace', 't.csv', '--policy', 'lru', '--capacity', '2.5'],
      says: ['--capacity: expected a whole number >= 1, got "2.5"'],
    },
    {
      what: 'samples for a policy that does not sample',
      argv: ['--trace', 't.csv', '--policy', 'lru', '--capacity', '10', '--samples', '5'],
      says: ['--samples: maxmemory-samples is for redis-lru and redis-lfu; lru does not sample'],
    },
    {
      what: 'samples out of range',
      argv: ['--trace', 't.csv', '--policy', 'redis-lru', '--capacity', '10', '--samples', '0'],
      says: ['--samples: expected a whole number from 1 to 64, got "0"'],
    },
    {
      what: 'samples without a trace',
      argv: ['--scenario', 'small.json', '--samples', '5'],
      says: ['--samples goes with --trace FILE'],
    },
    {
      what: 'a trace without a policy',
      argv: ['--trace', 't.csv', '--capacity', '10'],
      says: ['--trace needs --policy NAME'],
    },
    {
      what: 'a trace without a capacity',
      argv: ['--trace', 't.csv', '--policy', 'lru'],
      says: ['--trace needs --capacity N'],
    },
    {
      what: 'an unknown unit',
      argv: ['--trace', 't.csv', '--policy', 'lru', '--capacity', '10', '--unit', 'kb'],
      says: ['--unit: expected entries or bytes, got "kb"'],
    },
    {
      what: 'a trace flag with a scenario flag',
      argv: ['--trace', 't.csv', '--policy', 'lru', '--capacity', '10', '--summary-tiers-csv', 's.csv'],
      says: ['does not go with --summary-tiers-csv'],
    },
    {
      what: 'a policy without a trace',
      argv: ['--scenario', 'small.json', '--policy', 'lru'],
      says: ['--policy goes with --trace FILE'],
    },
    {
      what: 'an unknown policy in a list',
      argv: ['--trace', 't.csv', '--policies', 'lru,s3fif', '--capacities', '10,20'],
      says: ['--policies: unknown eviction policy "s3fif"', 'did you mean s3fifo?'],
    },
    {
      what: 'a capacity in a list that is not a whole number',
      argv: ['--trace', 't.csv', '--policies', 'lru', '--capacities', '10,2k'],
      says: ['--capacities: expected a whole number >= 1, got "2k"'],
    },
    {
      what: 'a list with an empty item',
      argv: ['--trace', 't.csv', '--policies', 'lru,,opt', '--capacity', '10'],
      says: ['--policies: expected a list separated by commas'],
    },
    {
      what: 'one policy and a list of them',
      argv: ['--trace', 't.csv', '--policy', 'lru', '--policies', 'lru,opt', '--capacity', '10'],
      says: ['--policy and --policies do not go together'],
    },
    {
      what: 'a sweep of a setting that does not exist',
      argv: ['--scenario', 'small.json', '--sweep', 'tiers.distributed.capacty=1,2'],
      says: ['--sweep tiers.distributed.capacty: there is no setting "capacty"', 'did you mean "capacity"?'],
    },
    {
      what: 'a sweep without values',
      argv: ['--scenario', 'small.json', '--sweep', 'tiers.distributed.capacity'],
      says: ['--sweep: expected PATH=V1,V2,...'],
    },
    {
      what: 'a sweep value out of range',
      argv: ['--scenario', 'small.json', '--sweep', 'tiers.distributed.capacity=10,0'],
      says: ['--sweep tiers.distributed.capacity=0:'],
    },
    {
      what: 'a sweep with commands',
      argv: ['--scenario', 'small.json', '--sweep', 'policies.write=write-through', '--commands', 'c.json'],
      says: ['--sweep runs each variant from start to end with no commands', 'does not go with --commands'],
    },
    {
      what: 'a sweep file without a sweep',
      argv: ['--scenario', 'small.json', '--sweep-csv', 's.csv'],
      says: ['--sweep-csv goes with --sweep'],
    },
    {
      what: 'a curve file without a trace',
      argv: ['--scenario', 'small.json', '--curve-csv', 'c.csv'],
      says: ['--curve-csv goes with --trace FILE'],
    },
    {
      what: 'a missing trace file',
      argv: ['--trace', '/no/such/trace.csv', '--policy', 'lru', '--capacity', '10'],
      says: ['/no/such/trace.csv', 'no such file'],
    },
  ];

  it.each(mistakes)('$what', async ({ argv, says }) => {
    const result = await run(argv, files);
    expect(result.status).toBe(2);
    for (const text of says) expect(result.stderr).toContain(text);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('rejects a malformed trace, naming its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cachescope-trace-'));
    const path = join(dir, 'broken.csv');
    writeFileSync(path, 'time,key\n0,a\nsoon,b\n');
    const result = await run(['--trace', path, '--policy', 'lru', '--capacity', '2']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('broken.csv');
    expect(result.stderr).toContain('line 3');
  });
});

describe('npm run sim: bugs', () => {
  it('exit with status 1 and say it is a bug', async () => {
    const { io, out } = memoryIo({ 'small.json': small });
    io.stdout = () => {
      throw new TypeError('stdout exploded');
    };
    expect(await main(['--list-presets'], io)).toBe(1);
    expect(out.stderr).toContain('internal error');
    expect(out.stderr).toContain('stdout exploded');
  });
});

/** The small scenario parsed as the CLI parses its file. */
function loadSmall() {
  return parseScenario(JSON.parse(small));
}
