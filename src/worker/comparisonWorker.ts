/// <reference lib="webworker" />
import './reportCspViolations';
import { createEngine } from '../engine/createEngine';
import { ComparisonHost } from './comparisonHost';
import type { FromComparison, ToComparison } from './comparisonProtocol';
import { tickTimer } from './tickTimer';

/** The Web Worker of a comparison: wires its host to the message port and a frame timer. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = new ComparisonHost({
  createEngine,
  post: (message: FromComparison) => scope.postMessage(message),
  wallMs: () => performance.now(),
});

const schedule = tickTimer(host);

scope.onmessage = (event: MessageEvent<ToComparison>) => {
  host.handle(event.data);
  schedule();
};
