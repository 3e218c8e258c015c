import { constants } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../engine/inputError';
import { isGzipTrace } from '../engine/replay/gzipTrace';
import { inFile } from './inFile';

/**
 * Reads a trace file as text for parseTrace: plain CSV, or gzip-compressed (known by its first two
 * bytes, whatever the file is called). A missing or unreadable file, a broken gzip stream or a
 * trace too large to hold as text is the person's mistake, so it is an InputError naming the path
 * rather than a stack trace.
 */
export function readTraceFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(error);
    throw new InputError(`trace file ${path}: cannot read it (${why})`);
  }
  const gzipped = inFile(`trace file ${path}`, () => isGzipTrace(bytes, path));
  if (gzipped) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new InputError(`trace file ${path}: not a valid gzip file (${(error as Error).message})`);
    }
  }
  if (bytes.length > constants.MAX_STRING_LENGTH) {
    const mib = (n: number) => `${Math.floor(n / 2 ** 20).toLocaleString('en-US')} MiB`;
    throw new InputError(
      `trace file ${path}: ${mib(bytes.length)} of text${gzipped ? ' once decompressed' : ''}, ` +
        `more than the ${mib(constants.MAX_STRING_LENGTH)} Node can read at once; split the trace into parts`,
    );
  }
  return bytes.toString('utf8');
}
