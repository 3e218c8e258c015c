import { describe, expect, it } from 'vitest';
import { applySetting, foldCommands } from '../../../src/engine/commands/foldCommands';
import { createEngine } from '../../../src/engine/createEngine';
import { runToEnd } from '../../../src/engine/run/runToEnd';
import type { TimedCommand } from '../../../src/engine/scenario/commandSchema';
import { parseScenario } from '../../../src/engine/scenario/parseScenario';

const scenario = parseScenario({ version: 1, workload: { keySpaces: [{ name: 'product', count: 100 }] } });
const ttl = (atMs: number, seconds: number): TimedCommand => ({
  atMs,
  command: { type: 'tier.configure', tier: 'distributed', changes: { ttl: { seconds } } },
});

describe('foldCommands', () => {
  it('folds tier, policy, workload and key-space changes into the scenario without touching it', () => {
    const settings = foldCommands(
      scenario,
      [
        {
          atMs: 0,
          command: {
            type: 'tier.configure',
            tier: 'local',
            changes: { enabled: true, ttl: { jitter: 0.5 } },
          },
        },
        { atMs: 1, command: { type: 'policies.set', changes: { stampede: 'coalesce' } } },
        { atMs: 2, command: { type: 'workload.set', changes: { ratePerSecond: 900 } } },
        { atMs: 3, command: { type: 'keySpace.set', name: 'product', changes: { count: 40 } } },
      ],
      3,
    );
    expect(settings.topology.appServers.local).toMatchObject({
      enabled: true,
      ttl: { jitter: 0.5, seconds: 10 },
    });
    expect(settings.policies.stampede).toBe('coalesce');
    expect(settings.workload.ratePerSecond).toBe(900);
    expect(settings.workload.keySpaces[0].count).toBe(40);
    expect(scenario.topology.appServers.local.enabled).toBe(false);
    expect(scenario.workload.keySpaces[0].count).toBe(100);
  });

  it('leaves out commands stamped after the moment, and applies those stamped at it', () => {
    const log = [ttl(10_000, 30), ttl(35_900, 5)];
    expect(foldCommands(scenario, log, 0).topology.distributed.ttl.seconds).toBe(300);
    expect(foldCommands(scenario, log, 10_000).topology.distributed.ttl.seconds).toBe(30);
    expect(foldCommands(scenario, log, 35_899).topology.distributed.ttl.seconds).toBe(30);
    expect(foldCommands(scenario, log, 35_900).topology.distributed.ttl.seconds).toBe(5);
  });

  it("folds the scenario's own timed settings with the log, faults first at equal times", () => {
    const withFault = parseScenario({ version: 1, faults: [ttl(1000, 7)] });
    expect(foldCommands(withFault, [], 999).topology.distributed.ttl.seconds).toBe(300);
    expect(foldCommands(withFault, [], 1000).topology.distributed.ttl.seconds).toBe(7);
    expect(foldCommands(withFault, [ttl(1000, 9)], 1000).topology.distributed.ttl.seconds).toBe(9);
  });

  it('refuses what the engine refuses: an unknown key space, replication past the nodes', () => {
    expect(() =>
      applySetting(scenario, { type: 'keySpace.set', name: 'nope', changes: { count: 3 } }),
    ).toThrow(/no key space named "nope"; expected one of "product"/);
    expect(() =>
      applySetting(scenario, { type: 'tier.configure', tier: 'distributed', changes: { replication: 8 } }),
    ).toThrow(/replication 8 needs as many cache nodes; there are 3/);
    // In a fold a refused command changes nothing, as in the engine.
    const log: TimedCommand[] = [
      { atMs: 0, command: { type: 'keySpace.set', name: 'nope', changes: { count: 3 } } },
    ];
    expect(foldCommands(scenario, log, 0)).toBe(scenario);
    const engine = createEngine(scenario, { recordEvents: false });
    expect(() => engine.apply(log[0].command)).toThrow(/no key space named "nope"/);
  });

  it('leaves the settings alone for faults and purges', () => {
    expect(applySetting(scenario, { type: 'node.fail', node: 0 })).toBe(scenario);
    expect(applySetting(scenario, { type: 'purge', tier: 'all', match: { kind: 'all' } })).toBe(scenario);
  });
});

describe('engine.apply', () => {
  it('refuses a change once the run has ended, naming the end, and logs nothing', () => {
    const engine = runToEnd(parseScenario({ version: 1, durationMs: 2000 }), []);
    expect(() => engine.apply(ttl(0, 5).command)).toThrow(/The run has ended \(at 2 s\)/);
    expect(engine.commandLog).toEqual([]);
  });

  it('refuses a fault on a cache node or app server past the last, naming the range', () => {
    const engine = createEngine(scenario, { recordEvents: false });
    expect(() => engine.apply({ type: 'node.fail', node: 3 })).toThrow(
      'node.fail: there is no cache node 3; nodes are numbered 0 to 2',
    );
    expect(() => engine.apply({ type: 'server.recover', server: 2 })).toThrow(
      'server.recover: there is no app server 2; servers are numbered 0 to 1',
    );
    engine.apply({ type: 'node.fail', node: 2 });
    expect(engine.snapshot().nodes.find((n) => n.id === 'cache:2')?.state).toBe('down');
  });
});
