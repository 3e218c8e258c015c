import type { FromComparison, ToComparison } from '../worker/comparisonProtocol';
import type { FromWorker, ToWorker } from '../worker/protocol';
import type { ComparisonPort } from './comparison.svelte';
import type { WorkerPort } from './appState.svelte';

/** Starts the engine worker (a module worker Vite bundles on its own) and wraps it as a WorkerPort. */
export function createWorkerPort(): WorkerPort {
  const worker = new Worker(new URL('../worker/engineWorker.ts', import.meta.url), { type: 'module' });
  return {
    post: (message: ToWorker) => worker.postMessage(message),
    listen: (handler) => {
      worker.onmessage = (event: MessageEvent<FromWorker>) => handler(event.data);
      // A worker that cannot start or throws outside a message is a bug: say so instead of going quiet.
      worker.onerror = (event: ErrorEvent) =>
        handler({
          type: 'error',
          message: `The simulator stopped: ${event.message}`,
          problems: [],
          input: false,
        });
    },
  };
}

/** Starts a comparison's worker, which hosts every variant of one comparison (comparisonWorker.ts). */
export function createComparisonPort(): ComparisonPort {
  const worker = new Worker(new URL('../worker/comparisonWorker.ts', import.meta.url), { type: 'module' });
  return {
    post: (message: ToComparison) => worker.postMessage(message),
    listen: (handler) => {
      worker.onmessage = (event: MessageEvent<FromComparison>) => handler(event.data);
      worker.onerror = (event: ErrorEvent) =>
        handler({
          type: 'error',
          message: `The comparison stopped: ${event.message}`,
          problems: [],
          input: false,
        });
    },
    close: () => worker.terminate(),
  };
}
