import type { PolicyName } from '../engine/policies/names';
import type { MissRatioCurve } from '../engine/replay/missRatioCurve';

/**
 * The messages between the main thread and the miss-ratio-curve worker. A trace's replays run there,
 * so a long trace never holds up the page; cancelling ends the worker.
 */
/** Where the requests come from: a trace file, or independent Zipf draws (docs/cli.md's IRM). */
export type CurveSource =
  /** The trace file's bytes, plain CSV or gzip-compressed (known by its first two bytes), and its name. */
  | { kind: 'file'; bytes: ArrayBuffer; fileName: string }
  | { kind: 'zipf'; keys: number; alpha: number; requests: number; seed: number };

export interface CurveRequest {
  type: 'draw';
  source: CurveSource;
  policies: PolicyName[];
  capacities: number[];
  unit: 'entries' | 'bytes';
}

export type FromCurveWorker =
  | { type: 'progress'; stage: 'reading' | 'replaying'; done: number; total: number }
  /** The curve and its CSV, the bytes `npm run sim -- --trace ... --curve-csv` writes. */
  | { type: 'curve'; curve: MissRatioCurve; csv: string }
  /** The trace or the request was wrong; the message names what and where. */
  | { type: 'failed'; message: string };
