import { InputError } from '../inputError';

/**
 * Whether a trace file's bytes are gzip-compressed, known by gzip's first two bytes (RFC 1952:
 * 0x1f 0x8b) whatever the file is called. The CLI and the app read trace files this same way.
 *
 * @throws InputError when the name ends in .gz and the bytes do not start as gzip does
 */
export function isGzipTrace(bytes: Uint8Array, fileName: string): boolean {
  const gzipped = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!gzipped && /\.gz$/i.test(fileName))
    throw new InputError('named .gz but not gzip-compressed (it does not start as gzip does)');
  return gzipped;
}
