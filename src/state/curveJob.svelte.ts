import type { PolicyName } from '../engine/policies/names';
import type { MissRatioCurve } from '../engine/replay/missRatioCurve';
import type { CurveRequest, CurveSource, FromCurveWorker } from '../worker/curveProtocol';

/** Starts a curve worker; tests give their own. */
export type CurveWorkerFactory = () => Worker;

const startWorker: CurveWorkerFactory = () =>
  new Worker(new URL('../worker/curveWorker.ts', import.meta.url), { type: 'module' });

export interface CurveResult {
  curve: MissRatioCurve;
  /** The CSV the CLI's --curve-csv writes for the same trace, policies and capacities. */
  csv: string;
  /** What the requests came from: the file's name, or the generated trace's parameters. */
  source: string;
}

/**
 * One miss-ratio curve being drawn from a trace file, in a worker of its own so that the page stays
 * responsive, or the last one drawn. Cancelling ends the worker at once (a replay cannot be paused
 * halfway), and keeps the previous result.
 */
export class CurveJob {
  running = $state(false);
  /** What the worker is doing, for the progress bar: replays done of all of them. */
  progress = $state<{ stage: 'reading' | 'replaying'; done: number; total: number } | null>(null);
  /** Replaced whole, never changed in place: raw, so the charts read plain objects, not proxies. */
  result = $state.raw<CurveResult | null>(null);
  /** Why the last attempt failed, naming the file and what is wrong in it. */
  failure = $state<string | null>(null);
  #worker: Worker | null = null;

  constructor(private readonly start: CurveWorkerFactory = startWorker) {}

  /**
   * Draws the curve of a trace file, or of a generated Zipf trace, for these policies and sizes.
   * `name` is what the chart and the files say the requests came from.
   */
  async draw(
    from: File | Extract<CurveSource, { kind: 'zipf' }>,
    policies: PolicyName[],
    capacities: number[],
    unit: 'entries' | 'bytes',
  ): Promise<void> {
    const name =
      from instanceof File
        ? from.name
        : `Zipf ${from.alpha} over ${from.keys.toLocaleString('en-US')} keys, ${from.requests.toLocaleString('en-US')} requests, seed ${from.seed}`;
    this.cancel();
    this.failure = null;
    this.running = true;
    this.progress = { stage: 'reading', done: 0, total: 1 };
    const worker = this.start();
    this.#worker = worker;
    worker.onmessage = (event: MessageEvent<FromCurveWorker>) => {
      if (this.#worker !== worker) return;
      const message = event.data;
      if (message.type === 'progress') {
        this.progress = { stage: message.stage, done: message.done, total: message.total };
        return;
      }
      if (message.type === 'curve') this.result = { curve: message.curve, csv: message.csv, source: name };
      else this.failure = message.message;
      this.#finish();
    };
    worker.onerror = (event) => {
      if (this.#worker !== worker) return;
      this.failure = `${name}: the curve could not be drawn (${event.message || 'the worker stopped'})`;
      this.#finish();
    };
    const source: CurveSource =
      from instanceof File ? { kind: 'file', bytes: await from.arrayBuffer(), fileName: from.name } : from;
    if (this.#worker !== worker) return;
    const request: CurveRequest = { type: 'draw', source, policies, capacities, unit };
    worker.postMessage(request, source.kind === 'file' ? [source.bytes] : []);
  }

  cancel(): void {
    if (this.#worker) this.#finish();
  }

  #finish(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.running = false;
    this.progress = null;
  }
}
