import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Runs tasks on worker threads, one a core, and returns their results in the tasks' order. The thread
 * entry is a TypeScript module under `npm run sim` (tsx), which a thread loads by registering tsx's
 * loader first; the bundled bench passes its own JavaScript file.
 */
export async function runOnThreads<Task, Result>(
  entry: URL,
  tasks: readonly Task[],
  threads = Math.max(1, Math.min(availableParallelism(), tasks.length)),
): Promise<Result[]> {
  const results: Result[] = new Array(tasks.length);
  let next = 0;
  const workers = Array.from({ length: threads }, () => startThread(entry));
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < tasks.length) {
          const index = next++;
          results[index] = await ask<Task, Result>(worker, tasks[index]);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
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
