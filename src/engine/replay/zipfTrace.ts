import { InputError } from '../inputError';
import { createStream } from '../random';
import { createZipf, zipfProbabilities } from '../workload/zipf';
import type { Trace } from './trace';
import { zipfTraceProblem, type ZipfTraceSize } from './zipfTraceLimits';

export interface ZipfTraceOptions extends ZipfTraceSize {
  seed: number;
}

/**
 * A trace drawn under the independent reference model: each request an independent Zipf(α) draw over
 * `keys` keys, one a millisecond. Its `popularity` is each interned key's true probability (then the
 * never-drawn keys'), so the analytic models use the law that drew the trace, not its sample.
 *
 * @throws InputError naming a parameter out of range
 */
export function zipfTrace(options: ZipfTraceOptions): { trace: Trace; popularity: Float64Array } {
  const { keys, alpha, requests, seed } = options;
  const problem = zipfTraceProblem(options);
  if (problem !== null) throw new InputError(problem);
  const next = createZipf(keys, alpha, createStream(seed, 'zipf-trace'));
  const p = zipfProbabilities(keys, alpha);
  const internedOf = new Int32Array(keys).fill(-1);
  const keyNames: string[] = [];
  const popularity = new Float64Array(keys);
  const times = new Float64Array(requests);
  const ids = new Int32Array(requests);
  for (let i = 0; i < requests; i++) {
    const rank = next();
    if (internedOf[rank] < 0) {
      internedOf[rank] = keyNames.length;
      popularity[keyNames.length] = p[rank];
      keyNames.push(`k${rank}`);
    }
    times[i] = i;
    ids[i] = internedOf[rank];
  }
  let unseen = keyNames.length;
  for (let rank = 0; rank < keys; rank++) if (internedOf[rank] < 0) popularity[unseen++] = p[rank];
  const trace: Trace = {
    times,
    keys: ids,
    sizes: new Float64Array(requests).fill(1),
    ops: new Uint8Array(requests),
    keyNames,
    distinctKeys: keyNames.length,
    requests,
  };
  return { trace, popularity };
}
