import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isGzipTrace } from '../../../src/engine/replay/gzipTrace';

const csv = new TextEncoder().encode('time,key\n0,a\n');

describe('isGzipTrace', () => {
  it('knows gzip by its first bytes, whatever the file is called', () => {
    const gzipped = new Uint8Array(gzipSync(csv));
    expect(isGzipTrace(gzipped, 'trace.csv.gz')).toBe(true);
    expect(isGzipTrace(gzipped, 'trace.csv')).toBe(true);
    expect(isGzipTrace(csv, 'trace.csv')).toBe(false);
  });

  it('refuses a file named .gz that is not gzip, whatever the case of its name, and reads short files', () => {
    expect(() => isGzipTrace(csv, 'plain.csv.GZ')).toThrow(
      'named .gz but not gzip-compressed (it does not start as gzip does)',
    );
    expect(() => isGzipTrace(new Uint8Array([0x1f]), 'one.gz')).toThrow('named .gz');
    expect(isGzipTrace(new Uint8Array([0x1f]), 'one.csv')).toBe(false);
    expect(isGzipTrace(new Uint8Array(0), 'empty.csv')).toBe(false);
  });
});
