/// <reference lib="webworker" />
import './reportCspViolations';
import { createSweepWorker } from './sweepRunner';
import type { ToSweepWorker } from './sweepProtocol';

/** One of a sweep's workers: warms up, checks a sweep, or runs one variant of it from start to end. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createSweepWorker((answer) => scope.postMessage(answer));

scope.onmessage = (event: MessageEvent<ToSweepWorker>) => handle(event.data);
