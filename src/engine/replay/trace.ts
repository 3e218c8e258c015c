/** A request trace in columns of typed arrays: request i is (times[i], keys[i], sizes[i], ops[i]). */
export interface Trace {
  /** Simulated time of each request, milliseconds, never decreasing. */
  times: Float64Array;
  /** Each request's key, interned densely: 0 is the first key seen, 1 the next new one, ... */
  keys: Int32Array;
  /** Each request's object size in bytes (1 when the trace has no size column). */
  sizes: Float64Array;
  /** 0 for a read, 1 for a write (opRead, opWrite). */
  ops: Uint8Array;
  /** The original name of each interned key: keyNames[keys[i]]. */
  keyNames: string[];
  distinctKeys: number;
  requests: number;
}

export const opRead = 0;
export const opWrite = 1;
