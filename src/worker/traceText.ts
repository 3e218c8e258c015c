import { InputError } from '../engine/inputError';

/**
 * A trace file's bytes as text, gunzipped when they start as gzip does (whatever the file is
 * called): the curve worker and a trace-driven run read trace files the same way.
 */
export async function traceText(bytes: ArrayBuffer, fileName: string): Promise<string> {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  if (!gzipped && /\.gz$/i.test(fileName)) {
    throw new InputError('named .gz but not gzip-compressed (it does not start as gzip does)');
  }
  if (!gzipped) return new TextDecoder().decode(bytes);
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return await new Response(stream).text();
  } catch {
    throw new InputError('the gzip data is damaged (it could not be decompressed)');
  }
}
