import { describe, expect, it } from 'vitest';
import { sweepCsv, sweepCsvColumns } from '../../../src/engine/export/sweepCsv';
import { overlayNotes, overlaySeries } from '../../../src/engine/experiments/overlaySeries';
import { planSweep, runSweep } from '../../../src/engine/experiments/planSweep';
import { predictHitRatio } from '../../../src/engine/experiments/sweepOverlay';
import { parseScenario } from '../../../src/engine/scenario/parseScenario';
import type { ScenarioInput } from '../../../src/engine/scenario/schema';

/**
 * Reads only, of 1000 Zipf keys, through one app server to three LRU nodes with no TTL: the
 * independent reference model Che's approximation assumes. 300,000 reads make the cold misses (one a
 * key, 1000 of them) a third of a point.
 */
const irm: ScenarioInput = {
  version: 1,
  name: 'Zipf reads',
  seed: 3,
  durationMs: 600_000,
  workload: {
    clients: 10,
    ratePerSecond: 500,
    writeRatio: 0,
    keySpaces: [{ name: 'item', count: 1000, popularity: { kind: 'zipf', alpha: 0.8 } }],
  },
  topology: {
    appServers: { count: 1 },
    distributed: { nodes: 3, capacity: 100, ttl: { seconds: null } },
    database: { bufferPool: { enabled: false } },
  },
};

/** The same reads with room for every key and a TTL that expires within the run: the TTL models' case. */
const ttlCase = (resetOnHit: boolean): ScenarioInput => ({
  ...irm,
  durationMs: 200_000,
  workload: { ...irm.workload, ratePerSecond: 1000 },
  topology: {
    ...irm.topology,
    distributed: { nodes: 3, capacity: 10_000, ttl: { seconds: 10, resetOnHit } },
  },
});

const scenario = (input: ScenarioInput) => parseScenario(input);
const withTopology = (topology: ScenarioInput['topology']) => scenario({ ...irm, topology });

describe("a sweep's analytic overlay", () => {
  it("draws Che's approximation within a point of the simulated LRU hit ratio at each capacity", () => {
    const points = runSweep(planSweep(scenario(irm), 'tiers.distributed.capacity', ['30', '100', '300']));
    for (const point of points) {
      expect(point.prediction.reason).toBeNull();
      expect(point.prediction.che).not.toBeNull();
      // Within 1 percentage point: the simulated ratio counts cold misses and loads in flight, Che does not.
      expect(Math.abs(point.tierHitRatios.distributed! - point.prediction.che!)).toBeLessThan(0.01);
    }
    // The curve climbs with the capacity, so agreeing at every point is not agreeing with a constant.
    expect(points[2].prediction.che! - points[0].prediction.che!).toBeGreaterThan(0.3);
    expect(overlaySeries(points).map((s) => s.label)).toEqual(["Che's approximation (LRU)"]);
    const csv = sweepCsv('tiers.distributed.capacity', points).trimEnd().split('\n');
    const che = sweepCsvColumns.indexOf('predictedHitRatioChe');
    const ttl = sweepCsvColumns.indexOf('predictedHitRatioTtl');
    expect(Number(csv[1].split(',')[che])).toBeCloseTo(points[0].prediction.che!, 5);
    expect(csv[1].split(',')[ttl]).toBe('');
  }, 120_000);

  it("predicts each app server's local LRU cache in a sweep of its capacity, the distributed one behind it", () => {
    const local = scenario({
      ...irm,
      topology: {
        ...irm.topology,
        appServers: { count: 2, local: { enabled: true, capacity: 100, ttl: { seconds: null } } },
      },
    });
    const points = runSweep(planSweep(local, 'tiers.local.capacity', ['30', '100', '300']));
    for (const point of points) {
      expect(point.prediction.tier).toBe('local');
      // Each server sees its share of independent draws from the same popularity: Che at its capacity.
      expect(Math.abs(point.tierHitRatios.local! - point.prediction.che!)).toBeLessThan(0.01);
    }
    // The nodes behind see only what the local caches missed: no formula for them.
    expect(predictHitRatio(local).reason).toMatch(/app-local caches answer some reads first/);
  }, 120_000);

  it('draws King–Gelenbe for FIFO and Random beside the simulation, and names a policy it does not cover', () => {
    const points = runSweep(
      planSweep(scenario(irm), 'tiers.distributed.eviction', ['fifo', 'random', 'sieve']),
    );
    for (const point of points.slice(0, 2)) {
      expect(Math.abs(point.tierHitRatios.distributed! - point.prediction.fifoRandom!)).toBeLessThan(0.01);
    }
    expect(points[2].prediction.fifoRandom).toBeNull();
    expect(overlayNotes(points)).toContain(
      "No formula at sieve: the models cover LRU (Che's approximation), FIFO and Random, not sieve eviction.",
    );
  }, 120_000);

  it('follows the TTL rule of the engine: set at a fill, λT/(1+λT); renewed by hits, 1−e^(−λT)', () => {
    for (const resetOnHit of [false, true]) {
      const points = runSweep(
        planSweep(scenario(ttlCase(resetOnHit)), 'tiers.distributed.ttl.seconds', ['2', '10', '40']),
      );
      for (const point of points) {
        const { ttl, ttlOtherRule, ttlRule } = point.prediction;
        expect(ttlRule).toBe(resetOnHit ? 'reset-on-hit' : 'set-on-fill');
        // A point: each expiry's miss takes a load's ~15 ms, whose reads also miss, which the model
        // leaves out; 200,000 reads put the sampling error near a tenth of a point.
        expect(Math.abs(point.tierHitRatios.distributed! - ttl!)).toBeLessThan(0.01);
        if (point.value !== 40)
          expect(Math.abs(point.tierHitRatios.distributed! - ttlOtherRule!)).toBeGreaterThan(0.03);
      }
      const labels = overlaySeries(points).map((s) => [s.label, s.comparison]);
      expect(labels).toEqual(
        resetOnHit
          ? [
              ['TTL model 1−e^(−λT)', false],
              ['TTL model λT/(1+λT), if hits did not renew the TTL', true],
            ]
          : [
              ['TTL model λT/(1+λT)', false],
              ['TTL model 1−e^(−λT), if hits renewed the TTL', true],
            ],
      );
    }
  }, 120_000);

  it('says why no formula applies where the stream or the cache is not what the models assume', () => {
    const reasonOf = (input: ScenarioInput) => predictHitRatio(scenario(input)).reason;
    expect(
      reasonOf({
        ...irm,
        topology: { ...irm.topology, appServers: { count: 1, local: { enabled: true } } },
      }),
    ).toMatch(/app-local caches answer some reads first/);
    expect(
      reasonOf({
        ...irm,
        workload: { ...irm.workload, keySpaces: [{ name: 'item', popularity: { kind: 'scan' } }] },
      }),
    ).toMatch(/"item" is read in a scan/);
    expect(
      reasonOf({
        ...ttlCase(false),
        workload: {
          ...irm.workload,
          phases: [{ name: 'flash sale', startMs: 10_000, endMs: 20_000, rateMultiplier: 10 }],
        },
      }),
    ).toBe('the workload\'s rate changes over the run (phase "flash sale"); the TTL models need one rate');
    expect(
      predictHitRatio(
        withTopology({ ...irm.topology, distributed: { nodes: 3, capacity: 100, ttl: { seconds: 5 } } }),
      ).reason,
    ).toMatch(/entries both expire \(TTL 5 s in a 600 s run\) and are evicted/);
    expect(reasonOf({ ...irm, faults: [{ atMs: 30_000, command: { type: 'node.fail', node: 1 } }] })).toMatch(
      /faults change the system during the run \(1, the first node\.fail at 30 s\)/,
    );
    // A fault past the run's end never happens (a preset shortened with durationMs keeps it).
    expect(
      reasonOf({ ...irm, faults: [{ atMs: 700_000, command: { type: 'node.fail', node: 1 } }] }),
    ).toBeNull();
    // The chart's line under it, when no variant has a formula.
    const local = {
      ...irm,
      topology: { ...irm.topology, appServers: { count: 1, local: { enabled: true } } },
    };
    const none = { value: 1, prediction: predictHitRatio(scenario(local)) };
    expect(overlaySeries([none, { ...none, value: 2 }])).toEqual([]);
    expect(overlayNotes([none, { ...none, value: 2 }])).toEqual([
      'No formula: the app-local caches answer some reads first, so the distributed cache sees a filtered stream.',
    ]);
  });

  it('keeps the formula where writes delete keys, with a note, and the simulation falls below it', () => {
    const writes = scenario({ ...irm, durationMs: 120_000, workload: { ...irm.workload, writeRatio: 0.2 } });
    const [point] = runSweep(planSweep(writes, 'tiers.distributed.capacity', ['300']));
    expect(point.prediction.notes[0]).toMatch(
      /20\.0% of requests are writes, and each \(write-around-invalidate\) deletes its key/,
    );
    expect(point.tierHitRatios.distributed!).toBeLessThan(point.prediction.che! - 0.02);
  }, 120_000);
});
