import { describe, expect, it } from 'vitest';
import { BlobWriter } from '../../src/worker/blobWriter';

describe('BlobWriter', () => {
  it('builds a file larger than one part from small writes, byte for byte, in order', async () => {
    const writer = new BlobWriter('text/csv');
    const row = 'request.issued,12.500,7,3,read,item:42,,,,,,,,,,,,,,,,,,\n';
    const rows = 200_000; // about 11 MB: several parts
    for (let i = 0; i < rows; i++) writer.write(row);
    writer.write('last\n');
    const blob = writer.finish();
    expect(blob.type).toBe('text/csv');
    expect(blob.size).toBe(row.length * rows + 5);
    const text = await blob.text();
    expect(text.slice(0, row.length)).toBe(row);
    expect(text.endsWith(`${row}last\n`)).toBe(true);
  });
});
