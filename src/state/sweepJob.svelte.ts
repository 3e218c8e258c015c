import type { SweepPoint } from '../engine/experiments/sweepPoint';
import type { Scenario } from '../engine/scenario/schema';
import type { FromSweepWorker, ToSweepWorker, TypedSweep } from '../worker/sweepProtocol';
import { OrderedWorker } from './orderedWorker';

const startWorker = () =>
  new Worker(new URL('../worker/sweepWorker.ts', import.meta.url), { type: 'module' });

export interface SweepResult {
  path: string;
  values: string[];
  points: SweepPoint[];
  scenarioName: string;
  seed: number;
}

type SweepWorker = OrderedWorker<ToSweepWorker, FromSweepWorker>;

/**
 * A sweep of one setting run on Web Workers, one a core (navigator.hardwareConcurrency), each variant
 * from start to end; the page only collects the points. The workers start when the dialog opens
 * (`prepare`) and stay for the next sweep: a fresh worker pays its start, its module's load and the
 * engine's JIT warm-up (V8 compiles per worker), about four warm variants' time, which it spends on
 * the sweep as typed while the person picks. Cancelling ends the workers at once (a variant cannot
 * stop midway) and keeps the previous result.
 */
export class SweepJob {
  running = $state(false);
  done = $state(0);
  total = $state(0);
  /** Replaced whole, never changed in place: raw, so the charts read plain objects, not proxies. */
  result = $state.raw<SweepResult | null>(null);
  failure = $state<string | null>(null);
  #workers: SweepWorker[] = [];
  /** Whether these workers have run a sweep: then they are warm, and warming them again wastes cores. */
  #swept = false;

  constructor(
    private readonly start: () => Worker = startWorker,
    private readonly cores = Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 2),
  ) {}

  /**
   * Starts the workers if none are running, and while they have not run a sweep yet, warms them up on
   * `scenario` and the sweep as typed (each call replaces the last warm-up); a sweep sent meanwhile
   * ends the warm-up at once.
   */
  prepare(scenario: Scenario | null, sweep?: TypedSweep): void {
    if (this.#workers.length === 0) this.#start();
    if (!scenario || this.#swept || this.running) return;
    for (const worker of this.#workers) void worker.ask({ type: 'warm', scenario, sweep });
  }

  #start(): void {
    const workers: SweepWorker[] = [];
    const onFailure = (message: string) => {
      if (this.#workers !== workers) return;
      this.failure = `the sweep stopped: ${message}`;
      this.#stop();
    };
    for (let i = 0; i < this.cores; i++) workers.push(new OrderedWorker(this.start(), onFailure));
    this.#workers = workers;
    this.#swept = false;
  }

  async run(scenario: Scenario, path: string, values: string[]): Promise<void> {
    if (this.running) this.cancel();
    this.prepare(null);
    this.failure = null;
    this.running = true;
    this.done = 0;
    this.total = values.length;
    const workers = this.#workers.slice(0, Math.min(this.#workers.length, values.length));
    const planned = await Promise.all(
      workers.map((worker) => worker.ask({ type: 'plan', scenario, path, values })),
    );
    if (!this.#answered(workers, planned)) return;
    const points: SweepPoint[] = new Array(values.length);
    let next = 0;
    const answers = await Promise.all(
      workers.map(async (worker) => {
        while (next < values.length) {
          const index = next++;
          const answer = await worker.ask({ type: 'run', index });
          if (!this.#answered(workers, [answer]) || answer?.type !== 'point') return false;
          points[index] = answer.point;
          this.done++;
        }
        return true;
      }),
    );
    if (!answers.every(Boolean)) return;
    this.result = { path, values, points, scenarioName: scenario.name, seed: scenario.seed };
    this.#swept = true;
    this.running = false;
  }

  /** Stops a running sweep by ending its workers; the next sweep or `prepare` starts new ones. */
  cancel(): void {
    this.#stop();
  }

  /**
   * Whether the sweep goes on after these answers: not when it was cancelled meanwhile (null answers,
   * or other workers), nor when a worker named a problem, which the dialog then shows.
   */
  #answered(workers: SweepWorker[], answers: (FromSweepWorker | null)[]): boolean {
    if (!this.running || !workers.every((w) => this.#workers.includes(w))) return false;
    const failed = answers.find((answer) => answer?.type === 'failed');
    if (failed?.type === 'failed') {
      this.failure = failed.message;
      this.running = false;
      return false;
    }
    return answers.every((answer) => answer !== null);
  }

  #stop(): void {
    for (const worker of this.#workers) worker.end();
    this.#workers = [];
    this.running = false;
  }
}
