/// <reference lib="webworker" />
import './reportCspViolations';
import { presetInputs, presetNames } from '../engine/scenario/presets';
import { engineParts } from './engineParts';
import { EngineHost } from './engineHost';
import { tickTimer } from './tickTimer';
import type { FromWorker, ToWorker } from './protocol';

/**
 * The Web Worker that hosts the engine. The main thread only renders; this file only wires the
 * host to the worker's message port and to a frame timer.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = new EngineHost({
  ...engineParts,
  post: (message: FromWorker) => scope.postMessage(message),
  wallMs: () => performance.now(),
});

scope.postMessage({
  type: 'presets',
  presets: presetNames.map((name) => ({
    name,
    title: presetInputs[name].name ?? name,
    description: presetInputs[name].description ?? '',
  })),
} satisfies FromWorker);

const schedule = tickTimer(host);

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  host.handle(event.data);
  schedule();
};
