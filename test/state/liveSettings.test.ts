import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parseScenario';
import { applySetting, settingsAfter } from '../../src/state/liveSettings';

const scenario = parseScenario({ version: 1, workload: { keySpaces: [{ name: 'product', count: 100 }] } });

describe('live settings', () => {
  it('fold tier, policy, workload and key-space changes into the scenario without touching it', () => {
    const settings = settingsAfter(scenario, [
      {
        command: { type: 'tier.configure', tier: 'local', changes: { enabled: true, ttl: { jitter: 0.5 } } },
      },
      { command: { type: 'policies.set', changes: { stampede: 'coalesce' } } },
      { command: { type: 'workload.set', changes: { ratePerSecond: 900 } } },
      { command: { type: 'keySpace.set', name: 'product', changes: { count: 40 } } },
    ]);
    expect(settings.topology.appServers.local).toMatchObject({
      enabled: true,
      ttl: { jitter: 0.5, seconds: 10 },
    });
    expect(settings.policies.stampede).toBe('coalesce');
    expect(settings.workload.ratePerSecond).toBe(900);
    expect(settings.workload.keySpaces[0].count).toBe(40);
    expect(scenario.topology.appServers.local.enabled).toBe(false);
  });

  it('leave the settings alone for faults and purges', () => {
    expect(applySetting(scenario, { type: 'node.fail', node: 0 })).toBe(scenario);
    expect(applySetting(scenario, { type: 'purge', tier: 'all', match: { kind: 'all' } })).toBe(scenario);
  });
});
