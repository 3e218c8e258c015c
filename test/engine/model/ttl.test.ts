import { describe, expect, it } from 'vitest';
import { noLatency, run, scenarioOf } from './runScenario';

/**
 * A TTL cache under Poisson requests (Jung, Berger and Balakrishnan, INFOCOM 2003), checked through
 * the whole engine: one key, requests at rate λ, TTL T, instant hops. The formulas are computed here.
 */
function ttlHitRatio(ratePerSecond: number, ttlSeconds: number, resetOnHit: boolean): number {
  const scenario = scenarioOf({
    ...noLatency,
    seed: 11,
    durationMs: 30_000_000,
    workload: { clients: 1, ratePerSecond, writeRatio: 0, keySpaces: [{ name: 'quote', count: 1 }] },
    topology: {
      ...noLatency.topology,
      distributed: { nodes: 1, ttl: { seconds: ttlSeconds, resetOnHit } },
    },
  });
  const { engine } = run(scenario);
  return engine.metrics().tiers.find((t) => t.tier === 'distributed')!.hitRatio;
}

describe('TTL against the analytic model', () => {
  for (const ttlSeconds of [1, 5]) {
    const lambdaT = 1 * ttlSeconds;
    it(`without reset on hit, T = ${ttlSeconds} s, hit ratio is λT/(1+λT) within 1 point`, () => {
      expect(Math.abs(ttlHitRatio(1, ttlSeconds, false) - lambdaT / (1 + lambdaT))).toBeLessThan(0.01);
    });
    it(`with reset on hit, T = ${ttlSeconds} s, hit ratio is 1 − e^(−λT) within 1 point`, () => {
      expect(Math.abs(ttlHitRatio(1, ttlSeconds, true) - (1 - Math.exp(-lambdaT)))).toBeLessThan(0.01);
    });
  }
});
