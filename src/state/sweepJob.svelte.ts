import type { SweepPoint } from '../engine/experiments/sweepPoint';
import type { Scenario } from '../engine/scenario/schema';
import type { FromSweepWorker, ToSweepWorker } from '../worker/sweepProtocol';

const startWorker = () =>
  new Worker(new URL('../worker/sweepWorker.ts', import.meta.url), { type: 'module' });

export interface SweepResult {
  path: string;
  values: string[];
  points: SweepPoint[];
  scenarioName: string;
  seed: number;
}

/**
 * A sweep of one setting run on Web Workers, one a core (navigator.hardwareConcurrency), each variant
 * from start to end; the page only collects the points. Cancelling ends the workers at once and keeps
 * the previous result.
 */
export class SweepJob {
  running = $state(false);
  done = $state(0);
  total = $state(0);
  result = $state<SweepResult | null>(null);
  failure = $state<string | null>(null);
  #workers: Worker[] = [];

  constructor(
    private readonly start: () => Worker = startWorker,
    private readonly cores = Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 2),
  ) {}

  async run(scenario: Scenario, path: string, values: string[]): Promise<void> {
    this.cancel();
    this.failure = null;
    this.running = true;
    this.done = 0;
    this.total = values.length;
    const first = this.start();
    this.#workers = [first];
    const checked = await this.#ask(first, { type: 'plan', scenario, path, values });
    if (!checked || checked.type !== 'planned') return;
    const points: SweepPoint[] = new Array(values.length);
    for (let i = 1; i < Math.min(this.cores, values.length); i++) this.#workers.push(this.start());
    const workers = this.#workers;
    let next = 0;
    const ok = await Promise.all(
      workers.map(async (worker) => {
        while (next < values.length) {
          const index = next++;
          const answer = await this.#ask(worker, { type: 'run', index, scenario, path, values });
          if (!answer || answer.type !== 'point') return false;
          points[index] = answer.point;
          this.done++;
        }
        return true;
      }),
    );
    if (!ok.every(Boolean) || this.#workers !== workers) return;
    this.result = { path, values, points, scenarioName: scenario.name, seed: scenario.seed };
    this.#stop();
  }

  cancel(): void {
    this.#stop();
  }

  /** One request to one worker; null when the sweep was cancelled or failed meanwhile. */
  #ask(worker: Worker, message: ToSweepWorker): Promise<FromSweepWorker | null> {
    const workers = this.#workers;
    return new Promise((resolve) => {
      worker.onmessage = (event: MessageEvent<FromSweepWorker>) => {
        if (this.#workers !== workers) return resolve(null);
        if (event.data.type === 'failed') {
          this.failure = event.data.message;
          this.#stop();
          return resolve(null);
        }
        resolve(event.data);
      };
      worker.onerror = (event) => {
        if (this.#workers === workers) {
          this.failure = `the sweep stopped: ${event.message || 'a worker failed'}`;
          this.#stop();
        }
        resolve(null);
      };
      worker.postMessage(message);
    });
  }

  #stop(): void {
    for (const worker of this.#workers) worker.terminate();
    this.#workers = [];
    this.running = false;
  }
}
