import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTraceFile } from '../../../src/cli/readTraceFile';
import { parseTrace } from '../../../src/engine/replay/parseTrace';
import { replayTrace } from '../../../src/engine/replay/replayTrace';
import type { PolicyName } from '../../../src/engine/policies/names';
import reference from '../../fixtures/libcachesim-public.json';

/** SHA-256 of each uncompressed trace, as /work/shared/reference/gen_public.py printed it. */
const traces = {
  'public_zipf0.9_n20k_r200k': {
    sha256: 'f77e84b68bb047aaf7fe633596c3323cf41938b5218bb796b38a6c2171e2841d',
    distinct: 18_489,
  },
  public_scanmix_n20k_r200k: {
    sha256: '56a6e18fd180d4e0d4f0d9e3aa44b46fe2308d92527c5c6097bd61e9709f0622',
    distinct: 58_861,
  },
} as const;

/** Fully specified algorithms agree closely; LFU, 2Q and S3-FIFO have variants. */
const tolerance: Partial<Record<string, number>> = {
  lru: 0.003,
  fifo: 0.003,
  clock: 0.003,
  sieve: 0.003,
  arc: 0.003,
  opt: 0.003,
  lfu: 0.015,
  '2q': 0.015,
  s3fifo: 0.015,
};

const figures = reference as Record<string, Record<string, Record<string, number>>>;

describe.each(Object.entries(traces))('trace %s against libCacheSim', (name, expected) => {
  const path = fileURLToPath(new URL(`../../fixtures/traces/${name}.csv.gz`, import.meta.url));
  const text = readTraceFile(path);
  const trace = parseTrace(text);

  it('is the exact published trace (SHA-256 of the uncompressed text)', () => {
    expect(createHash('sha256').update(text).digest('hex')).toBe(expected.sha256);
    expect(trace.requests).toBe(200_000);
    expect(trace.distinctKeys).toBe(expected.distinct);
  });

  const cases = Object.entries(figures[name])
    .filter(([policy]) => tolerance[policy] !== undefined)
    .flatMap(([policy, byCapacity]) =>
      Object.entries(byCapacity).map(([capacity, missRatio]) => ({
        policy,
        capacity: Number(capacity),
        missRatio,
      })),
    );

  it('covers every policy the reference has, except LIRS which Cachescope does not model', () => {
    expect(new Set(cases.map((c) => c.policy))).toEqual(
      new Set(Object.keys(figures[name]).filter((p) => p !== 'lirs')),
    );
  });

  it.each(cases)('$policy at $capacity entries misses as libCacheSim does ($missRatio)', (c) => {
    const result = replayTrace(trace, { policy: c.policy as PolicyName, capacity: c.capacity });
    expect(result.requests).toBe(200_000);
    expect(result.hits + result.misses).toBe(200_000);
    expect(Math.abs(result.missRatio - c.missRatio)).toBeLessThanOrEqual(tolerance[c.policy]!);
  });
});
