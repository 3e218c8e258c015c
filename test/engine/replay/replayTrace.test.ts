import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/engine/inputError';
import { parseTrace } from '../../../src/engine/replay/parseTrace';
import { replayTrace } from '../../../src/engine/replay/replayTrace';
import { nextUsePositions } from '../../../src/engine/replay/nextUse';
import { readTraceFile } from '../../../src/cli/readTraceFile';
import { policyNames, type PolicyName } from '../../../src/engine/policies/names';

describe('replayTrace', () => {
  const trace = parseTrace('time,key,op\n0,a,read\n1,b,read\n2,a,write\n3,c,read\n4,a,read\n5,b,read\n');

  it('counts every request, cold misses included, and a write as an access like a read', () => {
    const result = replayTrace(trace, { policy: 'lru', capacity: 2 });
    // a miss, b miss, a hit (the write), c miss evicts b, a hit, b miss.
    expect(result).toEqual({
      policy: 'lru',
      capacity: 2,
      requests: 6,
      hits: 2,
      misses: 4,
      hitRatio: 2 / 6,
      missRatio: 4 / 6,
    });
  });

  it('gives OPT the future: no policy misses less on the same trace', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `${(i * 7919) % 97 < 60 ? i % 13 : i % 211}`);
    const text = `time,key\n${keys.map((k, i) => `${i},${k}`).join('\n')}\n`;
    const t = parseTrace(text);
    const opt = replayTrace(t, { policy: 'opt', capacity: 20 }).misses;
    for (const policy of policyNames)
      expect(replayTrace(t, { policy, capacity: 20 }).misses).toBeGreaterThanOrEqual(opt);
  });

  it('with capacity in bytes, a key counts its size', () => {
    const sized = parseTrace('time,key,size\n0,a,60\n1,b,60\n2,a,60\n');
    expect(replayTrace(sized, { policy: 'lru', capacity: 100, unit: 'bytes' }).hits).toBe(0);
    expect(replayTrace(sized, { policy: 'lru', capacity: 120, unit: 'bytes' }).hits).toBe(1);
  });

  it('is repeatable for a seed, for the randomised policies too', () => {
    const t = parseTrace(
      `time,key\n${Array.from({ length: 2000 }, (_, i) => `${i},${(i * 31) % 300}`).join('\n')}`,
    );
    const a = replayTrace(t, { policy: 'random', capacity: 50, seed: 9 });
    expect(replayTrace(t, { policy: 'random', capacity: 50, seed: 9 })).toEqual(a);
  });

  it('rejects an unknown policy or a capacity that is not positive with an InputError naming the field', () => {
    expect(() => replayTrace(trace, { policy: 'mru' as PolicyName, capacity: 2 })).toThrow(
      /policy: unknown.*"mru"/,
    );
    expect(() => replayTrace(trace, { policy: 'lru', capacity: 0 })).toThrow(InputError);
    expect(() => replayTrace(trace, { policy: 'lru', capacity: NaN })).toThrow(/capacity/);
  });
});

describe('nextUsePositions', () => {
  it('gives each request the position of the same key’s next request, Infinity for the last', () => {
    expect(Array.from(nextUsePositions(Int32Array.from([0, 1, 0, 2, 1]), 3))).toEqual([
      2,
      4,
      Infinity,
      Infinity,
      Infinity,
    ]);
  });
});

describe('readTraceFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cachescope-trace-'));

  it('reads plain and gzip-compressed CSV alike', () => {
    const text = 'time,key\n0,a\n';
    writeFileSync(join(dir, 't.csv'), text);
    writeFileSync(join(dir, 't.csv.gz'), gzipSync(text));
    expect(readTraceFile(join(dir, 't.csv'))).toBe(text);
    expect(readTraceFile(join(dir, 't.csv.gz'))).toBe(text);
  });

  it('turns a missing file or a broken gzip file into an InputError naming the path', () => {
    expect(() => readTraceFile(join(dir, 'nope.csv'))).toThrow(/nope\.csv.*no such file/);
    writeFileSync(join(dir, 'bad.csv.gz'), 'not gzip');
    expect(() => readTraceFile(join(dir, 'bad.csv.gz'))).toThrow(
      /bad\.csv\.gz: named \.gz but not gzip-compressed/,
    );
    writeFileSync(join(dir, 'cut.csv.gz'), gzipSync('time,key\n0,a\n'.repeat(1000)).subarray(0, 40));
    expect(() => readTraceFile(join(dir, 'cut.csv.gz'))).toThrow(/cut\.csv\.gz: not a valid gzip file/);
  });
});
