/// <reference lib="webworker" />
import './reportCspViolations';
import { createSweepRunner } from './sweepRunner';
import type { ToSweepWorker } from './sweepProtocol';

/** One of a sweep's workers: warms up, checks a sweep, or runs one variant of it from start to end. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const answer = createSweepRunner();

scope.onmessage = (event: MessageEvent<ToSweepWorker>) => scope.postMessage(answer(event.data));
