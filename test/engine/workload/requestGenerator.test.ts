import { describe, expect, it } from 'vitest';
import {
  blankRequest,
  createRequestGenerator,
  type WorkloadRequest,
} from '../../../src/engine/workload/requestGenerator';
import { zipfProbabilities } from '../../../src/engine/workload/zipf';
import { workloadSchema, type Workload } from '../../../src/engine/scenario/parts';
import { InputError } from '../../../src/engine/inputError';

const workload = (input: Record<string, unknown>): Workload => workloadSchema.parse(input);

function take(generator: ReturnType<typeof createRequestGenerator>, untilMs: number): WorkloadRequest[] {
  const requests: WorkloadRequest[] = [];
  while (generator.peekTimeMs() < untilMs) requests.push(generator.next());
  return requests;
}

function expectPoisson(observed: number, expected: number): void {
  expect(Math.abs(observed - expected)).toBeLessThan(4 * Math.sqrt(expected));
}

function expectShare(hits: number, total: number, p: number): void {
  expect(Math.abs(hits / total - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / total) + 1e-12);
}

const count = (requests: WorkloadRequest[], fromMs: number, toMs: number) =>
  requests.filter((r) => r.atMs >= fromMs && r.atMs < toMs).length;

describe('createRequestGenerator', () => {
  it('issues requests in time order at the base rate, with the phase multipliers', () => {
    const generator = createRequestGenerator(
      workload({ ratePerSecond: 1000, phases: [{ startMs: 5000, endMs: 10_000, rateMultiplier: 4 }] }),
      1,
    );
    const requests = take(generator, 15_000);
    for (let i = 1; i < requests.length; i++)
      expect(requests[i].atMs).toBeGreaterThanOrEqual(requests[i - 1].atMs);
    expectPoisson(count(requests, 0, 5000), 5000);
    expectPoisson(count(requests, 5000, 10_000), 20_000);
    expectPoisson(count(requests, 10_000, 15_000), 5000);
  });

  it('spikes traffic from the moment of the command for its duration', () => {
    const generator = createRequestGenerator(workload({ ratePerSecond: 500 }), 2);
    const before = take(generator, 4000);
    generator.spike(4000, 10, 2000);
    const after = take(generator, 10_000);
    expect(after[0].atMs).toBeGreaterThanOrEqual(4000);
    expectPoisson(count(before, 0, 4000), 2000);
    expectPoisson(count(after, 4000, 6000), 10_000);
    expectPoisson(count(after, 6000, 10_000), 2000);
  });

  it('changes the rate from the moment of the command, never issuing a request in the past', () => {
    const generator = createRequestGenerator(workload({ ratePerSecond: 10 }), 3);
    // The engine takes every request before the command's time, then applies it.
    take(generator, 3000);
    generator.setRate(2000, 3000);
    const after = take(generator, 8000);
    expect(after[0].atMs).toBeGreaterThanOrEqual(3000);
    // At the old rate of 10/s the first request after 3000 ms would lie ~100 ms later; now ~0.5 ms.
    expect(after[0].atMs).toBeLessThan(3010);
    expectPoisson(count(after, 3000, 8000), 10_000);
  });

  it('writes at the workload write ratio, or at a key space own ratio, and follows setWriteRatio', () => {
    const generator = createRequestGenerator(
      workload({
        ratePerSecond: 10_000,
        writeRatio: 0.1,
        keySpaces: [{ name: 'item' }, { name: 'cart', writeRatio: 0.5 }],
      }),
      4,
    );
    const first = take(generator, 5000);
    generator.setWriteRatio(0.3);
    const second = take(generator, 10_000);
    const writes = (rs: WorkloadRequest[], space: number) => {
      const inSpace = rs.filter((r) => r.keySpace === space);
      return [inSpace.filter((r) => r.op === 'write').length, inSpace.length] as const;
    };
    expectShare(...writes(first, 0), 0.1);
    expectShare(...writes(first, 1), 0.5);
    expectShare(...writes(second, 0), 0.3);
    expectShare(...writes(second, 1), 0.5);
  });

  it('does not move arrival times, keys or clients when the write ratio changes', () => {
    const make = () => createRequestGenerator(workload({ ratePerSecond: 1000, clients: 50 }), 5);
    const a = make();
    const b = make();
    const firstA = take(a, 1000);
    const firstB = take(b, 1000);
    b.setWriteRatio(0.9);
    const restA = take(a, 3000);
    const restB = take(b, 3000);
    const shape = (r: WorkloadRequest) => [r.atMs, r.client, r.keySpace, r.keyIndex, r.sizeBytes];
    expect(restB.map(shape)).toEqual(restA.map(shape));
    expect(firstB).toEqual(firstA);
    expect(restB.filter((r) => r.op === 'write').length).toBeGreaterThan(
      restA.filter((r) => r.op === 'write').length * 5,
    );
  });

  it('picks key spaces by weight and keys by each key space popularity', () => {
    const generator = createRequestGenerator(
      workload({
        ratePerSecond: 100_000,
        keySpaces: [
          { name: 'product', weight: 3, count: 10, popularity: { kind: 'zipf', alpha: 1 } },
          { name: 'page', weight: 1, count: 5, popularity: { kind: 'scan' } },
        ],
      }),
      6,
    );
    const requests = take(generator, 2000);
    const products = requests.filter((r) => r.keySpace === 0);
    expectShare(products.length, requests.length, 0.75);
    const p = zipfProbabilities(10, 1);
    for (let key = 0; key < 10; key++)
      expectShare(products.filter((r) => r.keyIndex === key).length, products.length, p[key]);
    expect(
      requests
        .filter((r) => r.keySpace === 1)
        .slice(0, 7)
        .map((r) => r.keyIndex),
    ).toEqual([0, 1, 2, 3, 4, 0, 1]);
  });

  it('spreads requests over every client', () => {
    const requests = take(createRequestGenerator(workload({ ratePerSecond: 10_000, clients: 8 }), 7), 2000);
    for (let client = 0; client < 8; client++) {
      expectShare(requests.filter((r) => r.client === client).length, requests.length, 1 / 8);
    }
  });

  it('gives the same requests for the same seed and different ones for another seed', () => {
    const spec = workload({
      ratePerSecond: 1000,
      keySpaces: [{ name: 'a', size: { kind: 'uniform', minBytes: 10, maxBytes: 1000 } }],
    });
    const a = take(createRequestGenerator(spec, 9), 2000);
    expect(take(createRequestGenerator(spec, 9), 2000)).toEqual(a);
    expect(take(createRequestGenerator(spec, 10), 2000)).not.toEqual(a);
  });

  it('draws the same requests into one kept object as into new ones, as the run loop does', () => {
    const spec = workload({
      ratePerSecond: 1000,
      clients: 7,
      writeRatio: 0.3,
      keySpaces: [
        { name: 'a', weight: 2, size: { kind: 'uniform', minBytes: 10, maxBytes: 1000 } },
        { name: 'b', count: 40, perUser: true },
      ],
    });
    const fresh = take(createRequestGenerator(spec, 4), 2000);
    const generator = createRequestGenerator(spec, 4);
    const kept = blankRequest();
    const filled: WorkloadRequest[] = [];
    while (generator.peekTimeMs() < 2000) {
      expect(generator.next(kept)).toBe(kept);
      filled.push({ ...kept });
    }
    expect(filled.length).toBeGreaterThan(1500);
    expect(new Set(filled.map((r) => r.keySpace)).size).toBe(2);
    expect(filled).toEqual(fresh);
  });

  it('replays exactly: the same seed and the same commands at the same times give the same requests', () => {
    const run = () => {
      const generator = createRequestGenerator(workload({ ratePerSecond: 2000, clients: 20 }), 21);
      const requests = take(generator, 1000);
      generator.spike(1000, 5, 500);
      requests.push(...take(generator, 2000));
      generator.setRate(300, 2000);
      generator.setKeySpace('item', {
        popularity: { kind: 'hotspot', hotFraction: 0.1, hotProbability: 0.9 },
      });
      requests.push(...take(generator, 4000));
      return requests;
    };
    const first = run();
    expect(first.length).toBeGreaterThan(5000);
    expect(run()).toEqual(first);
  });

  it('gives a key the same size every time, different keys sizes across the range', () => {
    const generator = createRequestGenerator(
      workload({
        ratePerSecond: 10_000,
        clients: 4,
        keySpaces: [
          { name: 'blob', count: 50, size: { kind: 'uniform', minBytes: 100, maxBytes: 200 } },
          { name: 'feed', count: 5, perUser: true, size: { kind: 'uniform', minBytes: 100, maxBytes: 200 } },
        ],
      }),
      11,
    );
    const sizes = new Map<string, number>();
    for (const r of take(generator, 2000)) {
      const id = r.keySpace === 1 ? `1:${r.client}:${r.keyIndex}` : `0:${r.keyIndex}`;
      const seen = sizes.get(id);
      if (seen !== undefined) expect(r.sizeBytes).toBe(seen);
      sizes.set(id, r.sizeBytes);
      expect(r.sizeBytes).toBe(generator.sizeBytesOf(r.keySpace, r.keyIndex, r.client));
      expect(r.sizeBytes).toBeGreaterThanOrEqual(100);
      expect(r.sizeBytes).toBeLessThanOrEqual(200);
    }
    expect(new Set(sizes.values()).size).toBeGreaterThan(30);
    // Each user's feed is its own object.
    const feedSizes = [0, 1, 2, 3].map((client) => generator.sizeBytesOf(1, 0, client));
    expect(new Set(feedSizes).size).toBeGreaterThan(1);
  });

  it('changes a key space by name mid-run: its count, popularity and write ratio', () => {
    const generator = createRequestGenerator(workload({ ratePerSecond: 10_000, writeRatio: 0 }), 12);
    take(generator, 1000);
    generator.setKeySpace('item', {
      count: 3,
      popularity: { kind: 'uniform' },
      writeRatio: 1,
      http: 'public',
    });
    const after = take(generator, 2000);
    expect(new Set(after.map((r) => r.keyIndex))).toEqual(new Set([0, 1, 2]));
    expect(after.every((r) => r.op === 'write')).toBe(true);
    expect(generator.keySpaces[0]).toMatchObject({ count: 3, http: 'public', writeRatio: 1 });
  });

  it('rejects an unknown key space and an upside-down size range, naming them', () => {
    const generator = createRequestGenerator(workload({}), 1);
    expect(() => generator.setKeySpace('nope', { count: 2 })).toThrow(
      /no key space named "nope"; expected one of "item"/,
    );
    const bad = workload({
      keySpaces: [{ name: 'a', size: { kind: 'uniform', minBytes: 10, maxBytes: 5 } }],
    });
    expect(() => createRequestGenerator(bad, 1)).toThrow(InputError);
    expect(() => createRequestGenerator(bad, 1)).toThrow(/workload\.keySpaces\[0\]\.size\.maxBytes/);
  });

  it('stops issuing when a spike of zero silences traffic, then resumes', () => {
    const generator = createRequestGenerator(workload({ ratePerSecond: 1000 }), 13);
    take(generator, 1000);
    generator.spike(1000, 0, 2000);
    const after = take(generator, 5000);
    expect(count(after, 1000, 3000)).toBe(0);
    expectPoisson(count(after, 3000, 5000), 2000);
  });
});
