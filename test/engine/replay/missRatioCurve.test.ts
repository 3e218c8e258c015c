import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTraceFile } from '../../../src/cli/readTraceFile';
import { cheLru } from '../../../src/engine/analytic';
import { InputError } from '../../../src/engine/inputError';
import { livePolicyNames, type PolicyName } from '../../../src/engine/policies/names';
import { createStream } from '../../../src/engine/random';
import { keyFrequencies, missRatioCurve } from '../../../src/engine/replay/missRatioCurve';
import { parseTrace } from '../../../src/engine/replay/parseTrace';
import { replayTrace } from '../../../src/engine/replay/replayTrace';
import { zipfTrace } from '../../../src/engine/replay/zipfTrace';
import { createZipf, zipfProbabilities } from '../../../src/engine/workload/zipf';

function publicTrace(name: string) {
  const path = fileURLToPath(new URL(`../../fixtures/traces/${name}.csv.gz`, import.meta.url));
  return parseTrace(readTraceFile(path));
}

/** An IRM trace: `requests` independent Zipf draws over `keys` keys, as the CLI's trace CSV. */
function zipfCsvTrace(keys: number, alpha: number, requests: number, seed: number) {
  const next = createZipf(keys, alpha, createStream(seed, 'trace'));
  const lines = ['time,key'];
  for (let i = 0; i < requests; i++) lines.push(`${i},k${next()}`);
  return parseTrace(lines.join('\n'));
}

describe('a miss-ratio curve over a trace', () => {
  const trace = publicTrace('public_zipf0.9_n20k_r200k');
  const policies: PolicyName[] = ['lru', 's3fifo', 'fifo', 'opt'];
  const capacities = [400, 100, 1600];
  const curve = missRatioCurve(trace, { policies, capacities });

  it('has one point per policy and capacity, capacities ascending, each equal to a single replay', () => {
    expect(curve.points.map((point) => `${point.policy}@${point.capacity}`)).toEqual(
      policies.flatMap((policy) => [100, 400, 1600].map((capacity) => `${policy}@${capacity}`)),
    );
    for (const point of curve.points) {
      const alone = replayTrace(trace, { policy: point.policy, capacity: point.capacity });
      expect(point).toEqual(alone);
    }
  });

  it('falls as the cache grows, for every policy', () => {
    for (const policy of policies) {
      const ratios = curve.points.filter((point) => point.policy === policy).map((point) => point.missRatio);
      expect(ratios[0]).toBeGreaterThan(ratios[1]);
      expect(ratios[1]).toBeGreaterThan(ratios[2]);
    }
  });

  it('counts the first request of every key as a miss no policy can avoid', () => {
    expect(curve.coldMissRatio).toBeCloseTo(trace.distinctKeys / trace.requests, 12);
    for (const point of curve.points) expect(point.missRatio).toBeGreaterThanOrEqual(curve.coldMissRatio);
  });

  it("draws Che for LRU and King–Gelenbe for FIFO from the trace's own key frequencies", () => {
    expect(curve.models.map((model) => `${model.model}@${model.capacity}`)).toEqual([
      'che-lru@100',
      'king-gelenbe-fifo-random@100',
      'che-lru@400',
      'king-gelenbe-fifo-random@400',
      'che-lru@1600',
      'king-gelenbe-fifo-random@1600',
    ]);
    const frequencies = keyFrequencies(trace);
    expect(frequencies.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
    const che = curve.models.find((model) => model.model === 'che-lru' && model.capacity === 400);
    expect(che?.missRatio).toBeCloseTo(1 - cheLru(frequencies, 400).hitRatio, 12);
  });
});

describe("Belady's OPT is the floor", () => {
  for (const name of ['public_zipf0.9_n20k_r200k', 'public_scanmix_n20k_r200k']) {
    it(`no policy misses less than OPT at any capacity (${name})`, () => {
      const trace = publicTrace(name);
      const curve = missRatioCurve(trace, {
        policies: [...livePolicyNames, 'opt'],
        capacities: [50, 500, 5000],
      });
      for (const capacity of [50, 500, 5000]) {
        const opt = curve.points.find((point) => point.policy === 'opt' && point.capacity === capacity)!;
        for (const point of curve.points.filter((p) => p.capacity === capacity)) {
          expect(point.misses, `${point.policy} at ${capacity}`).toBeGreaterThanOrEqual(opt.misses);
        }
      }
    });
  }
});

describe('the models beside the simulation on an IRM workload', () => {
  // 1,000 keys and 400,000 requests: the 1,000 cold misses are a quarter of a point.
  const trace = zipfCsvTrace(1000, 0.8, 400_000, 11);
  const curve = missRatioCurve(trace, { policies: ['lru', 'fifo', 'random'], capacities: [50, 100, 200] });

  for (const capacity of [50, 100, 200]) {
    it(`Che's overlay is within a point of the simulated LRU (Zipf 0.8, C = ${capacity})`, () => {
      const simulated = curve.points.find((point) => point.policy === 'lru' && point.capacity === capacity)!;
      const model = curve.models.find((point) => point.model === 'che-lru' && point.capacity === capacity)!;
      expect(Math.abs(simulated.missRatio - model.missRatio)).toBeLessThan(0.01);
    });

    it(`King–Gelenbe's overlay is within a point of simulated FIFO and Random (C = ${capacity})`, () => {
      const model = curve.models.find(
        (point) => point.model === 'king-gelenbe-fifo-random' && point.capacity === capacity,
      )!;
      expect(model.policies).toEqual(['fifo', 'random']);
      for (const policy of ['fifo', 'random'] as const) {
        const simulated = curve.points.find(
          (point) => point.policy === policy && point.capacity === capacity,
        )!;
        expect(Math.abs(simulated.missRatio - model.missRatio), policy).toBeLessThan(0.01);
      }
    });
  }

  it('uses the key frequencies of the trace, close to the Zipf law that drew it', () => {
    const p = zipfProbabilities(1000, 0.8);
    const frequencies = keyFrequencies(trace);
    // Keys are interned in the order first seen, so compare the sorted shares.
    const sorted = [...frequencies].sort((a, b) => b - a);
    expect(Math.abs(sorted[0] - p[0])).toBeLessThan(0.002);
  });
});

describe('a generated IRM trace', () => {
  const { trace, popularity } = zipfTrace({ keys: 2000, alpha: 0.9, requests: 300_000, seed: 4 });

  it('interns keys in the order first drawn, with the Zipf law of each, summing to 1', () => {
    expect(trace.requests).toBe(300_000);
    expect(trace.keyNames[0]).toMatch(/^k\d+$/);
    expect(popularity.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
    expect(Math.max(...popularity)).toBeCloseTo(zipfProbabilities(2000, 0.9)[0], 12);
  });

  it("puts Che's model, from the true law, within a point of the simulated LRU", () => {
    const curve = missRatioCurve(trace, { policies: ['lru'], capacities: [100, 400], popularity });
    for (const capacity of [100, 400]) {
      const simulated = curve.points.find((point) => point.capacity === capacity)!;
      const model = curve.models.find((point) => point.capacity === capacity)!;
      expect(model.missRatio).toBeCloseTo(1 - cheLru(popularity, capacity).hitRatio, 12);
      expect(Math.abs(simulated.missRatio - model.missRatio)).toBeLessThan(0.01);
    }
  });

  it('refuses parameters out of range, naming them', () => {
    expect(() => zipfTrace({ keys: 0, alpha: 1, requests: 10, seed: 1 })).toThrow(
      /keys: expected a whole number/,
    );
    expect(() => zipfTrace({ keys: 10, alpha: -1, requests: 10, seed: 1 })).toThrow(
      /alpha: expected a number/,
    );
    expect(() => zipfTrace({ keys: 10, alpha: 1, requests: 1.5, seed: 1 })).toThrow(/requests: expected/);
  });
});

describe('bad requests for a curve', () => {
  const trace = zipfCsvTrace(10, 1, 100, 1);
  it('name the policy that does not exist', () => {
    expect(() => missRatioCurve(trace, { policies: ['lru', 'lruu' as PolicyName], capacities: [5] })).toThrow(
      /unknown eviction policy "lruu"/,
    );
  });
  it('refuse a capacity that is not a positive number, and an empty list', () => {
    expect(() => missRatioCurve(trace, { policies: ['lru'], capacities: [0] })).toThrow(InputError);
    expect(() => missRatioCurve(trace, { policies: ['lru'], capacities: [] })).toThrow(
      /at least one cache size/,
    );
    expect(() => missRatioCurve(trace, { policies: [], capacities: [5] })).toThrow(
      /at least one eviction policy/,
    );
  });
  it('give no model for byte capacities, which the models do not cover', () => {
    expect(missRatioCurve(trace, { policies: ['lru'], capacities: [50], unit: 'bytes' }).models).toEqual([]);
  });
});
