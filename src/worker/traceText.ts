import { InputError } from '../engine/inputError';
import { isGzipTrace } from '../engine/replay/gzipTrace';

/**
 * A trace file's bytes as text, gunzipped when they start as gzip does (whatever the file is
 * called): the curve worker and a trace-driven run read trace files the same way.
 */
export async function traceText(bytes: ArrayBuffer, fileName: string): Promise<string> {
  if (!isGzipTrace(new Uint8Array(bytes), fileName)) return new TextDecoder().decode(bytes);
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return await new Response(stream).text();
  } catch {
    throw new InputError('the gzip data is damaged (it could not be decompressed)');
  }
}
