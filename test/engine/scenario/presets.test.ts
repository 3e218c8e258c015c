import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/engine/inputError';
import { parseScenario, parseScenarioJson } from '../../../src/engine/scenario/parseScenario';
import { expectedRequests } from '../../../src/engine/scenario/requestBudget';
import { loadPreset, presetInputs, presetNames } from '../../../src/engine/scenario/presets/index';

describe('presets', () => {
  it('include every preset the lessons and the app start from', () => {
    for (const name of [
      'basics',
      'weather-api',
      'flash-sale',
      'personalised-feed',
      'login-sessions',
      'ttl-freshness',
      'write-policies',
      'eviction-scan',
      'distributed-failure',
      'layered',
      'stale-race',
      'stampede',
      'write-back',
      'secrets',
    ]) {
      expect(presetNames).toContain(name);
    }
  });

  it.each(presetNames)('%s validates and has a name and a description a student can read', (name) => {
    const scenario = loadPreset(name);
    expect(scenario.name).not.toBe('Untitled scenario');
    expect(scenario.description.length).toBeGreaterThan(80);
  });

  it.each(presetNames)('%s survives a JSON round trip unchanged', (name) => {
    const scenario = loadPreset(name);
    expect(parseScenarioJson(JSON.stringify(scenario))).toEqual(scenario);
    expect(parseScenario(JSON.parse(JSON.stringify(presetInputs[name])))).toEqual(scenario);
  });

  it.each(presetNames)('%s is small enough for a quick headless run', (name) => {
    expect(expectedRequests(loadPreset(name))).toBeLessThanOrEqual(60_000);
  });

  it('gives each call its own copy, so changing one run cannot change the next', () => {
    const first = loadPreset('basics');
    first.workload.ratePerSecond = 1;
    expect(loadPreset('basics').workload.ratePerSecond).toBe(100);
  });

  it('shape each lesson scenario as its lesson needs', () => {
    expect(loadPreset('weather-api').topology.cdn.enabled).toBe(true);
    expect(loadPreset('weather-api').workload.keySpaces[0].http).toBe('public');
    const sale = loadPreset('flash-sale');
    const [phase] = sale.workload.phases;
    expect(phase.rateMultiplier).toBe(10);
    expect(phase.startMs).toBeLessThan(sale.durationMs / 2);
    expect(phase.endMs).toBeGreaterThan(sale.durationMs / 2);
    const feed = loadPreset('personalised-feed');
    expect(feed.workload.keySpaces.some((space) => space.perUser)).toBe(true);
    expect(feed.workload.keySpaces.some((space) => !space.perUser)).toBe(true);
    expect(feed.policies.cacheKeyIncludesUser).toBe(true);
    const sessions = loadPreset('login-sessions');
    expect(sessions.workload.keySpaces.some((space) => space.kind === 'session')).toBe(true);
    expect(sessions.faults.some((fault) => fault.command.type === 'node.fail')).toBe(true);
    const basics = loadPreset('basics');
    expect(basics.workload.writeRatio).toBe(0);
    expect(basics.topology.appServers.count).toBe(1);
    expect(basics.topology.distributed.nodes).toBe(1);
    const failure = loadPreset('distributed-failure');
    expect(failure.topology.distributed.nodes).toBe(5);
    const failAt = failure.faults.find((fault) => fault.command.type === 'node.fail')!.atMs;
    expect(failure.workload.phases.some((p) => p.startMs <= failAt && failAt < p.endMs)).toBe(true);
    const layered = loadPreset('layered').topology;
    expect(
      [
        layered.browser,
        layered.cdn,
        layered.appServers.local,
        layered.distributed,
        layered.database.bufferPool,
      ].every((tier) => tier.enabled),
    ).toBe(true);
    const race = loadPreset('stale-race');
    expect(
      race.topology.bus.enabled && race.topology.bus.lossProbability > 0 && race.topology.bus.delayMs > 0,
    ).toBe(true);
    expect(race.topology.appServers.local.enabled).toBe(true);
    expect(race.policies.write).toBe('write-around-invalidate');
    const scan = loadPreset('eviction-scan');
    expect(scan.workload.keySpaces[0].popularity.kind).toBe('mix');
    expect(scan.topology.distributed.capacity).toBeLessThan(scan.workload.keySpaces[0].count);
    expect(loadPreset('write-back').policies.write).toBe('write-back');
    expect(loadPreset('secrets').workload.keySpaces.some((s) => s.sensitive && s.http === 'public')).toBe(
      true,
    );
    const stampede = loadPreset('stampede');
    expect(stampede.workload.keySpaces.some((s) => s.count === 1 && !s.perUser)).toBe(true);
    expect(stampede.topology.distributed.ttl.seconds).toBeLessThanOrEqual(5);
  });

  it('reject an unknown name, listing the known ones', () => {
    let error: unknown;
    try {
      loadPreset('flashsale');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('"flashsale"');
    expect((error as Error).message).toContain('flash-sale');
    expect((error as Error).message).toContain('weather-api');
  });
});
