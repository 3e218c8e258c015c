import { describe, expect, it } from 'vitest';
import { planSweep, runSweep } from '../../src/engine/experiments/planSweep';
import { parseScenario } from '../../src/engine/scenario/parseScenario';
import { SweepJob } from '../../src/state/sweepJob.svelte';
import { createSweepWorker } from '../../src/worker/sweepRunner';
import { realClock } from '../../src/worker/sweepWarmUp';
import type { FromSweepWorker, ToSweepWorker } from '../../src/worker/sweepProtocol';

const scenario = parseScenario({ version: 1, seed: 5, durationMs: 5_000, workload: { ratePerSecond: 400 } });
const path = 'tiers.distributed.capacity';

/** A sweep worker in this thread: the real runner, answering each message on a later turn. */
class FakeWorker {
  onmessage: ((event: { data: FromSweepWorker }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  ended = false;
  readonly received: ToSweepWorker['type'][] = [];
  // The real worker's handler, its warm-up cut to 50 ms, each answer on a later turn.
  readonly #handle = createSweepWorker(
    (answer) =>
      setTimeout(() => {
        if (!this.ended) this.onmessage?.({ data: answer });
      }),
    realClock,
    50,
  );

  postMessage(message: ToSweepWorker) {
    this.received.push(message.type);
    this.#handle(message);
  }

  terminate() {
    this.ended = true;
  }
}

function jobWithFakes(cores = 2) {
  const started: FakeWorker[] = [];
  const job = new SweepJob(() => {
    const worker = new FakeWorker();
    started.push(worker);
    return worker as unknown as Worker;
  }, cores);
  return { job, started };
}

describe('SweepJob', () => {
  it('keeps its workers, warmed up when the dialog opens, for the next sweep, with the one-by-one points', async () => {
    const { job, started } = jobWithFakes();
    job.prepare(scenario);
    expect(started).toHaveLength(2);
    await job.run(scenario, path, ['10', '100', '1000']);
    expect(job.failure).toBeNull();
    expect(job.result?.points).toEqual(runSweep(planSweep(scenario, path, ['10', '100', '1000'])));
    await job.run(scenario, path, ['20', '200']);
    expect(job.result?.points).toEqual(runSweep(planSweep(scenario, path, ['20', '200'])));
    expect(started).toHaveLength(2);
    expect(started.every((w) => !w.ended)).toBe(true);
    // Each worker warmed up first, then was sent each sweep's plan once and its variants by index.
    expect(started[0].received.slice(0, 2)).toEqual(['warm', 'plan']);
    expect(started.flatMap((w) => w.received).filter((type) => type === 'run')).toHaveLength(5);
    expect(job.running).toBe(false);
  });

  it('warms fresh workers on the sweep as typed, each edit replacing the last warm-up, and not once they have swept', async () => {
    const { job, started } = jobWithFakes();
    job.prepare(scenario, { path, values: ['10'] });
    job.prepare(scenario, { path, values: ['10', '100'] });
    expect(started[0].received).toEqual(['warm', 'warm']);
    await job.run(scenario, path, ['10', '100']);
    const before = started.map((w) => w.received.length);
    job.prepare(scenario, { path, values: ['10', '100', '1000'] });
    expect(started.map((w) => w.received.length)).toEqual(before);
    expect(started).toHaveLength(2);
  });

  it('names a bad value and keeps its workers for the corrected sweep', async () => {
    const { job, started } = jobWithFakes();
    await job.run(scenario, 'policies.write', ['write-through', 'write-sideways']);
    expect(job.failure).toContain('policies.write=write-sideways');
    expect(job.result).toBeNull();
    expect(job.running).toBe(false);
    await job.run(scenario, 'policies.write', ['write-through', 'write-around']);
    expect(job.failure).toBeNull();
    expect(job.result?.points.map((p) => p.value)).toEqual(['write-through', 'write-around']);
    expect(started).toHaveLength(2);
  });

  it('ends its workers on Cancel, keeps the previous result, and starts new workers for the next sweep', async () => {
    const { job, started } = jobWithFakes();
    await job.run(scenario, path, ['10', '100']);
    const previous = job.result;
    const cancelled = job.run(scenario, path, ['30', '300', '3000']);
    job.cancel();
    await cancelled;
    expect(started.every((w) => w.ended)).toBe(true);
    expect(job.running).toBe(false);
    expect(job.result).toBe(previous);
    await job.run(scenario, path, ['40', '400']);
    expect(started).toHaveLength(4);
    expect(job.result?.points.map((p) => p.value)).toEqual([40, 400]);
  });
});
