import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/engine/inputError';
import {
  expectedRequests,
  parseCommandLog,
  parseCommandLogJson,
  parseScenario,
  parseScenarioJson,
} from '../../../src/engine/scenario/parseScenario';

/** The InputError a call throws; fails the test when it throws anything else or nothing. */
function inputErrorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, but the input was accepted');
}

/** A scenario with one change deep inside it. */
const with_ = (extra: Record<string, unknown>) => ({ version: 1, ...extra });

interface Case {
  what: string;
  input: unknown;
  /** Every string must appear in one problem: the path and the expectation. */
  says: string[];
}

const malformed: Case[] = [
  { what: 'a missing version', input: {}, says: ['version: expected version 1', 'missing'] },
  { what: 'a wrong version', input: { version: 2 }, says: ['version: expected version 1', 'got 2'] },
  {
    what: 'a version written as text',
    input: { version: '1' },
    says: ['version: expected version 1', 'got "1"'],
  },
  {
    what: 'a misspelt top-level field',
    input: with_({ worklaod: {} }),
    says: ['worklaod: unknown field', 'did you mean "workload"?'],
  },
  {
    what: 'a misspelt nested field',
    input: with_({ workload: { ratePerSecnod: 100 } }),
    says: [
      'workload.ratePerSecnod: unknown field',
      'did you mean "ratePerSecond"?',
      'clients, ratePerSecond',
    ],
  },
  {
    what: 'a negative TTL',
    input: with_({ topology: { cdn: { ttl: { seconds: -1 } } } }),
    says: ['topology.cdn.ttl.seconds: expected a number >= 0, got -1'],
  },
  {
    what: 'a Zipf alpha out of range',
    input: with_({ workload: { keySpaces: [{ name: 'item', popularity: { kind: 'zipf', alpha: 9 } }] } }),
    says: ['workload.keySpaces[0].popularity.alpha: expected a number <= 5, got 9'],
  },
  {
    what: 'a Zipf popularity without alpha',
    input: with_({ workload: { keySpaces: [{ name: 'item', popularity: { kind: 'zipf' } }] } }),
    says: ['workload.keySpaces[0].popularity.alpha: expected a number', 'missing'],
  },
  {
    what: 'an unknown popularity kind',
    input: with_({ workload: { keySpaces: [{ name: 'item', popularity: { kind: 'zipff', alpha: 1 } }] } }),
    says: [
      'workload.keySpaces[0].popularity.kind: expected one of',
      '"mix"',
      'got "zipff"',
      'did you mean "zipf"?',
    ],
  },
  {
    what: 'a bad part inside a mix',
    input: with_({
      workload: {
        keySpaces: [
          {
            name: 'item',
            popularity: {
              kind: 'mix',
              parts: [{ weight: 1, popularity: { kind: 'hotspot', hotFraction: 0 } }],
            },
          },
        ],
      },
    }),
    says: ['workload.keySpaces[0].popularity.parts[0].popularity.hotFraction: expected a number > 0, got 0'],
  },
  {
    what: 'an unknown eviction policy',
    input: with_({ topology: { distributed: { eviction: 'lruu' } } }),
    says: ['topology.distributed.eviction: expected one of "lru"', 'got "lruu"', 'did you mean "lru"?'],
  },
  {
    what: "Belady's OPT in a live tier",
    input: with_({ topology: { cdn: { eviction: 'opt' } } }),
    says: [
      'topology.cdn.eviction: "opt"',
      'needs to know every future request',
      'only trace replay',
      '"lru"',
    ],
  },
  {
    what: 'a bad write policy',
    input: with_({ policies: { write: 'write-behind' } }),
    says: ['policies.write: expected one of', '"write-back"', 'got "write-behind"'],
  },
  {
    what: 'a bad Cache-Control value',
    input: with_({ workload: { keySpaces: [{ name: 'item', http: 'shared' }] } }),
    says: ['workload.keySpaces[0].http: expected one of "public", "private", "no-store", got "shared"'],
  },
  {
    what: 'a number written as text',
    input: with_({ workload: { ratePerSecond: '200' } }),
    says: ['workload.ratePerSecond: expected a number, got "200"', 'without quotes'],
  },
  {
    what: 'a NaN-like string for a number',
    input: with_({ durationMs: 'NaN' }),
    says: ['durationMs: expected a number, got "NaN"'],
  },
  {
    what: 'a NaN number',
    input: with_({ seed: Number.NaN }),
    says: ['seed: expected a whole number, got NaN'],
  },
  {
    what: 'a fractional count of clients',
    input: with_({ workload: { clients: 2.5 } }),
    says: ['workload.clients: expected a whole number, got 2.5'],
  },
  {
    what: 'a boolean written as text',
    input: with_({ topology: { cdn: { enabled: 'true' } } }),
    says: ['topology.cdn.enabled: expected true or false, got "true"'],
  },
  {
    what: 'a key-space name with capitals',
    input: with_({ workload: { keySpaces: [{ name: 'Product' }] } }),
    says: ['workload.keySpaces[0].name: expected a lower-case name', 'got "Product"'],
  },
  {
    what: 'no key spaces at all',
    input: with_({ workload: { keySpaces: [] } }),
    says: ['workload.keySpaces: expected at least 1 item, got 0 items'],
  },
  {
    what: 'replication above the number of nodes',
    input: with_({ topology: { distributed: { nodes: 3, replication: 4 } } }),
    says: ['topology.distributed.replication: expected at most the number of nodes', 'nodes is 3', 'got 4'],
  },
  {
    what: 'a phase that ends before it starts',
    input: with_({ workload: { phases: [{ startMs: 5000, endMs: 3000, rateMultiplier: 2 }] } }),
    says: ['workload.phases[0].endMs: expected a time after startMs (5000), got 3000'],
  },
  {
    what: 'a key-space name used twice',
    input: with_({ workload: { keySpaces: [{ name: 'cart' }, { name: 'product' }, { name: 'product' }] } }),
    says: ['workload.keySpaces[2].name: "product" is used twice'],
  },
  {
    what: 'a uniform size whose minimum is above its maximum',
    input: with_({
      workload: { keySpaces: [{ name: 'item', size: { kind: 'uniform', minBytes: 900, maxBytes: 100 } }] },
    }),
    says: ['workload.keySpaces[0].size.maxBytes: expected a size >= minBytes (900), got 100'],
  },
  {
    what: 'a fault on a cache node that does not exist',
    input: with_({ faults: [{ atMs: 1000, command: { type: 'node.fail', node: 3 } }] }),
    says: ['faults[0].command.node: expected a cache node index from 0 to 2', 'got 3'],
  },
  {
    what: 'a fault on an app server that does not exist',
    input: with_({ faults: [{ atMs: 1000, command: { type: 'server.fail', server: 2 } }] }),
    says: ['faults[0].command.server: expected an app server index from 0 to 1', 'got 2'],
  },
  {
    what: 'a misspelt command type',
    input: with_({ faults: [{ atMs: 1000, command: { type: 'node.fial', node: 0 } }] }),
    says: ['faults[0].command.type: expected one of', 'got "node.fial"', 'did you mean "node.fail"?'],
  },
  {
    what: 'a fault that raises the rate so far the run would never end',
    input: with_({
      faults: [{ atMs: 0, command: { type: 'workload.set', changes: { ratePerSecond: 10_000_000 } } }],
    }),
    says: ['durationMs: this run would issue about 600,000,000 requests', 'expected at most 200,000,000'],
  },
  {
    what: 'so many time buckets that the metrics would fill the memory',
    input: with_({ durationMs: 1e9, workload: { ratePerSecond: 0.01 } }),
    says: [
      'bucketMs: durationMs / bucketMs makes 1,000,000 time buckets',
      'raise bucketMs to at least 10,000',
    ],
  },
  {
    what: 'key spaces that hold too many keys together',
    input: with_({
      workload: {
        keySpaces: [
          { name: 'a', count: 6_000_000 },
          { name: 'b', count: 6_000_000 },
        ],
      },
    }),
    says: ['workload.keySpaces: the key spaces hold 12,000,000 keys in all', 'expected at most 10,000,000'],
  },
  {
    what: 'a misspelt popularity inside a mix, named at its part',
    input: with_({
      workload: {
        keySpaces: [
          {
            name: 'a',
            popularity: {
              kind: 'mix',
              parts: [
                { weight: 1, popularity: { kind: 'zipf', alpha: 0.8 } },
                { weight: 1, popularity: { kind: 'zipff' } },
              ],
            },
          },
        ],
      },
    }),
    says: [
      'workload.keySpaces[0].popularity.parts[1].popularity.kind: expected one of "uniform", "zipf", "hotspot", "scan", got "zipff" (did you mean "zipf"?)',
    ],
  },
  {
    what: 'a fault at a negative time',
    input: with_({ faults: [{ atMs: -5, command: { type: 'database.fail' } }] }),
    says: ['faults[0].atMs: expected a number >= 0, got -5'],
  },
  {
    what: 'a keySpace.set naming an unknown key space',
    input: with_({
      workload: { keySpaces: [{ name: 'product' }] },
      faults: [{ atMs: 0, command: { type: 'keySpace.set', name: 'prodcut', changes: { writeRatio: 0.5 } } }],
    }),
    says: ['faults[0].command.name: expected the name of a key space ("product")', 'got "prodcut"'],
  },
  {
    what: 'a session key space without the distributed cache',
    input: with_({
      workload: { keySpaces: [{ name: 'session', kind: 'session', perUser: true, count: 1 }] },
      topology: { distributed: { enabled: false } },
    }),
    says: [
      'workload.keySpaces[0].kind: a "session" key space lives only in the distributed cache',
      'enabled to be true',
    ],
  },
  {
    what: 'per-user keys beyond ten million',
    input: with_({
      workload: { clients: 50_000, keySpaces: [{ name: 'cart', perUser: true, count: 1000 }] },
    }),
    says: [
      'workload.keySpaces[0].count: a per-user key space holds count × workload.clients keys',
      '50,000,000',
    ],
  },
  {
    what: 'an absurdly long, fast run',
    input: with_({ durationMs: 3_600_000, workload: { ratePerSecond: 100_000 } }),
    says: [
      'durationMs: this run would issue about 360,000,000 requests',
      'lower durationMs, workload.ratePerSecond',
    ],
  },
  {
    what: 'a phase spike that makes the run absurd',
    input: with_({
      durationMs: 600_000,
      workload: { ratePerSecond: 1000, phases: [{ startMs: 0, endMs: 600_000, rateMultiplier: 500 }] },
    }),
    says: ['durationMs: this run would issue about 300,000,000 requests', "phases' rateMultiplier"],
  },
  {
    what: 'a string instead of an object',
    input: 'hello',
    says: ['expected an object { "version": 1, ... }, got "hello"'],
  },
  { what: 'a list instead of an object', input: [], says: ['expected an object', 'got a list'] },
  { what: 'null', input: null, says: ['expected an object', 'got null'] },
];

describe('parseScenario rejects malformed scenarios, naming the path and what was expected', () => {
  it.each(malformed)('rejects $what', ({ input, says }) => {
    const error = inputErrorOf(() => parseScenario(input));
    const problem = error.problems.find((p) => says.every((s) => p.includes(s)));
    expect(problem, `no problem says all of ${JSON.stringify(says)} in:\n${error.message}`).toBeDefined();
    expect(error.message).toContain(problem);
  });

  it('has a table of at least 25 malformed scenarios', () => {
    expect(malformed.length).toBeGreaterThanOrEqual(25);
  });

  it('reports every problem at once, not just the first', () => {
    const error = inputErrorOf(() =>
      parseScenario({ version: 1, seed: -1, workload: { clients: 0 }, topology: { cdn: { capacity: 0 } } }),
    );
    expect(error.problems).toHaveLength(3);
    expect(error.message).toMatch(/3 problems/);
  });

  it('accepts the edge values that the checks allow', () => {
    const scenario = parseScenario({
      version: 1,
      workload: {
        keySpaces: [{ name: 'item', size: { kind: 'uniform', minBytes: 100, maxBytes: 100 } }],
        phases: [{ startMs: 0, endMs: 1, rateMultiplier: 0 }],
      },
      topology: { distributed: { nodes: 2, replication: 2 }, cdn: { ttl: { seconds: 0 } } },
      faults: [{ atMs: 0, command: { type: 'node.fail', node: 1 } }],
    });
    expect(scenario.topology.distributed.replication).toBe(2);
  });
});

describe('parseScenarioJson', () => {
  const jsonMistakes: { what: string; text: string; says: string[] }[] = [
    {
      what: 'a trailing comma',
      text: '{\n  "version": 1,\n}',
      says: ['line 3, column 1', 'no comma after the last field'],
    },
    { what: 'single quotes', text: "{ 'version': 1 }", says: ['line 1, column 3', 'double quotes'] },
    {
      what: 'a comment',
      text: '{\n  "version": 1 // the format\n}',
      says: ['line 2, column 16', 'no comments'],
    },
    {
      what: 'a missing comma',
      text: '{\n  "version": 1\n  "seed": 2\n}',
      says: ['line 3, column 3', 'is a comma missing?'],
    },
    { what: 'an unclosed object', text: '{ "version": 1', says: ['line 1, column 15', 'is a "}" missing?'] },
    { what: 'an empty file', text: '  \n', says: ['line 1, column 1', 'empty'] },
    {
      what: 'a bare word',
      text: '{ "version": 1, "seed": NaN }',
      says: ['line 1, column 25', 'unexpected word NaN'],
    },
  ];

  it.each(jsonMistakes)('reports $what with its line and column', ({ text, says }) => {
    const error = inputErrorOf(() => parseScenarioJson(text));
    expect(error.message).toMatch(/not valid JSON/);
    for (const s of says) expect(error.message).toContain(s);
  });

  it('reads a scenario file that begins with a byte-order mark', () => {
    expect(parseScenarioJson('\uFEFF{ "version": 1, "seed": 9 }').seed).toBe(9);
  });

  it('checks the parsed JSON like any scenario', () => {
    const error = inputErrorOf(() => parseScenarioJson('{ "version": 1, "durationMs": -3 }'));
    expect(error.message).toContain('durationMs: expected a number > 0, got -3');
  });
});

describe('defaults', () => {
  it('gives { "version": 1 } the documented defaults', () => {
    const ttl = (seconds: number | null) => ({
      seconds,
      jitter: 0,
      resetOnHit: false,
      staleWhileRevalidateSeconds: 0,
      refreshAheadFraction: 0,
    });
    const tier = (enabled: boolean, capacity: number, seconds: number | null) => ({
      enabled,
      capacity,
      capacityUnit: 'entries',
      eviction: 'lru',
      samples: 5,
      ttl: ttl(seconds),
    });
    expect(parseScenario({ version: 1 })).toEqual({
      version: 1,
      name: 'Untitled scenario',
      description: '',
      seed: 1,
      durationMs: 60_000,
      bucketMs: 1000,
      workload: {
        clients: 10,
        ratePerSecond: 200,
        writeRatio: 0.05,
        keySpaces: [
          {
            name: 'item',
            weight: 1,
            count: 1000,
            popularity: { kind: 'zipf', alpha: 0.8 },
            perUser: false,
            kind: 'data',
            sensitive: false,
            http: 'no-store',
            size: { kind: 'fixed', bytes: 1000 },
          },
        ],
        phases: [],
      },
      topology: {
        browser: tier(false, 100, 30),
        cdn: tier(false, 10_000, 60),
        appServers: {
          count: 2,
          workers: 64,
          serviceTimeMs: 1,
          loadBalancer: 'round-robin',
          local: tier(false, 1000, 10),
        },
        distributed: {
          ...tier(true, 10_000, 300),
          nodes: 3,
          virtualNodes: 100,
          replication: 1,
          warmupMs: 5000,
        },
        database: {
          maxConcurrent: 50,
          readMs: 5,
          writeMs: 10,
          diskReadMs: 8,
          overloadQueue: 200,
          bufferPool: tier(true, 5000, null),
          replicas: 0,
          replicationLagMs: 100,
          readsFromReplicas: false,
        },
        bus: { enabled: false, delayMs: 50, lossProbability: 0 },
      },
      policies: {
        read: 'cache-aside',
        write: 'write-around-invalidate',
        writeBackFlushMs: 1000,
        stampede: 'none',
        lockRetryMs: 5,
        earlyRefreshBeta: 1,
        cacheKeyIncludesUser: true,
      },
      latency: { clientToCdnMs: 20, cdnToAppMs: 5, appToCacheMs: 0.5, appToDatabaseMs: 1, jitter: 0.2 },
      faults: [],
    });
  });

  it('fills a tier TTL default even when only part of the tier is given', () => {
    const scenario = parseScenario({
      version: 1,
      topology: { cdn: { enabled: true, ttl: { jitter: 0.1 } } },
    });
    expect(scenario.topology.cdn.ttl.seconds).toBe(60);
    expect(scenario.topology.cdn.capacity).toBe(10_000);
  });

  it('is idempotent: parsing a parsed scenario changes nothing', () => {
    const once = parseScenario({ version: 1, workload: { ratePerSecond: 50 } });
    expect(parseScenario(once)).toEqual(once);
  });
});

describe('expectedRequests', () => {
  it('counts the base rate over the duration, with phases multiplying their share', () => {
    const scenario = parseScenario({
      version: 1,
      durationMs: 60_000,
      workload: { ratePerSecond: 200, phases: [{ startMs: 20_000, endMs: 40_000, rateMultiplier: 10 }] },
    });
    expect(expectedRequests(scenario)).toBeCloseTo(200 * 40 + 2000 * 20);
  });

  it('counts scheduled traffic spikes, cut at the end of the run', () => {
    const scenario = parseScenario({
      version: 1,
      durationMs: 10_000,
      workload: { ratePerSecond: 100 },
      faults: [{ atMs: 8000, command: { type: 'traffic.spike', multiplier: 3, durationMs: 5000 } }],
    });
    expect(expectedRequests(scenario)).toBeCloseTo(100 * 8 + 300 * 2);
  });
});

describe('parseCommandLog', () => {
  const scenario = { version: 1, workload: { keySpaces: [{ name: 'product' }] } };

  it('accepts a scenario with its commands in time order and fills the defaults', () => {
    const log = parseCommandLog({
      scenario,
      commands: [
        { atMs: 1000, command: { type: 'node.fail', node: 0 } },
        { atMs: 1000, command: { type: 'purge', tier: 'all', match: { kind: 'all' } } },
        { atMs: 5000, command: { type: 'keySpace.set', name: 'product', changes: { writeRatio: 0.2 } } },
      ],
    });
    expect(log.scenario.topology.distributed.nodes).toBe(3);
    expect(log.commands.map((c) => c.atMs)).toEqual([1000, 1000, 5000]);
  });

  it('rejects a command log that would raise the rate past what a run may issue', () => {
    const error = inputErrorOf(() =>
      parseCommandLog({
        scenario,
        commands: [
          { atMs: 0, command: { type: 'workload.set', changes: { ratePerSecond: 10_000_000 } } },
          { atMs: 10_000, command: { type: 'traffic.spike', multiplier: 1000, durationMs: 60_000 } },
        ],
      }),
    );
    expect(error.message).toContain('commands: with these commands the run would issue about');
    expect(error.message).toContain('expected at most 200,000,000');
  });

  it('counts rate changes and spikes from commands in the expected requests', () => {
    const parsed = parseScenario({ version: 1, durationMs: 10_000, workload: { ratePerSecond: 100 } });
    const commands = [
      { atMs: 4000, command: { type: 'workload.set' as const, changes: { ratePerSecond: 300 } } },
      { atMs: 8000, command: { type: 'traffic.spike' as const, multiplier: 2, durationMs: 1000 } },
    ];
    expect(expectedRequests(parsed, commands)).toBeCloseTo(100 * 4 + 300 * 4 + 600 * 1 + 300 * 1);
  });

  it('rejects a command after the end of the run, which would never be applied', () => {
    const error = inputErrorOf(() =>
      parseCommandLog({ scenario, commands: [{ atMs: 99_999_999, command: { type: 'database.fail' } }] }),
    );
    expect(error.message).toContain(
      'commands[0].atMs: expected a time within the run (durationMs is 60,000), got 99,999,999',
    );
  });

  it('rejects a keySpace.set that would take the key spaces past the total', () => {
    const error = inputErrorOf(() =>
      parseCommandLog({
        scenario: { version: 1, workload: { keySpaces: [{ name: 'a', count: 5_000_000 }, { name: 'b' }] } },
        commands: [{ atMs: 0, command: { type: 'keySpace.set', name: 'b', changes: { count: 6_000_000 } } }],
      }),
    );
    expect(error.message).toContain(
      'commands[0].command.changes.count: the key spaces would hold 11,000,000 keys in all',
    );
  });

  it('rejects commands out of time order, naming the index', () => {
    const error = inputErrorOf(() =>
      parseCommandLog({
        scenario,
        commands: [
          { atMs: 5000, command: { type: 'database.fail' } },
          { atMs: 2000, command: { type: 'database.recover' } },
        ],
      }),
    );
    expect(error.message).toContain(
      "commands[1].atMs: expected a time >= the previous command's (5000), got 2000",
    );
  });

  it('names scenario problems under "scenario." and command problems under "commands["', () => {
    const error = inputErrorOf(() =>
      parseCommandLog({
        scenario: { version: 1, seed: -1 },
        commands: [],
      }),
    );
    expect(error.message).toContain('scenario.seed: expected a whole number >= 0, got -1');
    const bad = inputErrorOf(() =>
      parseCommandLog({ scenario, commands: [{ atMs: 0, command: { type: 'node.fail', node: 9 } }] }),
    );
    expect(bad.message).toContain('commands[0].command.node: expected a cache node index from 0 to 2');
  });

  it('checks command shapes with the same messages as scenarios', () => {
    const error = inputErrorOf(() =>
      parseCommandLog({
        scenario,
        commands: [{ atMs: 0, command: { type: 'tier.configure', tier: 'edge', changes: {} } }],
      }),
    );
    expect(error.message).toContain('commands[0].command.tier: expected one of "browser", "cdn"');
  });

  it('rejects a log that is not an object or that lacks its commands', () => {
    expect(inputErrorOf(() => parseCommandLog([])).message).toContain('expected an object { "scenario"');
    expect(inputErrorOf(() => parseCommandLog({ scenario })).message).toContain('commands: expected a list');
    expect(inputErrorOf(() => parseCommandLog({ scenario, commands: [], extra: 1 })).message).toContain(
      'extra: unknown field',
    );
  });

  it('reads the export format from JSON text and survives a round trip', () => {
    const log = parseCommandLog({
      scenario,
      commands: [{ atMs: 250.5, command: { type: 'database.slow', factor: 4 } }],
    });
    expect(parseCommandLogJson(JSON.stringify(log))).toEqual(log);
    expect(inputErrorOf(() => parseCommandLogJson('{ "scenario": ')).message).toContain(
      'line 1, column 15: the text ends',
    );
  });
});
