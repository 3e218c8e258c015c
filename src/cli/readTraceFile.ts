import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../engine/inputError';

/**
 * Reads a trace file as text for parseTrace: plain CSV, or gzip-compressed when the name ends in
 * `.gz`. A missing or unreadable file, or a broken gzip stream, is the person's mistake, so it is an
 * InputError naming the path rather than a stack trace.
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
  if (path.endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new InputError(`trace file ${path}: not a valid gzip file (${(error as Error).message})`);
    }
  }
  return bytes.toString('utf8');
}
