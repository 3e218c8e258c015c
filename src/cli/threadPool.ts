import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Worker threads that run tasks, each thread taking the next task when it finishes one, with the
 * results in the tasks' order. A pool can run several batches: a thread's second batch skips the
 * thread's start, module load and the engine's JIT warm-up, which each fresh thread pays again (V8
 * compiles per thread). The thread entry is a TypeScript module under `npm run sim` (tsx), which a
 * thread loads by registering tsx's loader first; the bundled bench passes its own JavaScript file.
 */
export class ThreadPool<Task, Result> {
  readonly #workers: Worker[];

  constructor(entry: URL, threads: number) {
    this.#workers = Array.from({ length: Math.max(1, threads) }, () => startThread(entry));
  }

  get size(): number {
    return this.#workers.length;
  }

  async run(tasks: readonly Task[]): Promise<Result[]> {
    const results: Result[] = new Array(tasks.length);
    let next = 0;
    await Promise.all(
      this.#workers.map(async (worker) => {
        while (next < tasks.length) {
          const index = next++;
          results[index] = await ask<Task, Result>(worker, tasks[index]);
        }
      }),
    );
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}

/** Runs tasks once on fresh threads, one a core (at most one a task), and ends the threads. */
export async function runOnThreads<Task, Result>(
  entry: URL,
  tasks: readonly Task[],
  threads = Math.max(1, Math.min(availableParallelism(), tasks.length)),
): Promise<Result[]> {
  const pool = new ThreadPool<Task, Result>(entry, threads);
  try {
    return await pool.run(tasks);
  } finally {
    await pool.close();
  }
}

function startThread(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const load = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(load, { eval: true });
}

/** Sends one task and waits for its answer, or for the thread's failure. */
function ask<Task, Result>(worker: Worker, task: Task): Promise<Result> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    const onMessage = (message: { ok: true; result: Result } | { ok: false; error: string }) => {
      done();
      if (message.ok) resolve(message.result);
      else reject(new Error(message.error));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(task);
  });
}
