/// <reference lib="webworker" />
import './reportCspViolations';
import { missRatioCurveCsv } from '../engine/export/missRatioCurveCsv';
import { InputError } from '../engine/inputError';
import { missRatioCurve } from '../engine/replay/missRatioCurve';
import { parseTrace } from '../engine/replay/parseTrace';
import { zipfTrace } from '../engine/replay/zipfTrace';
import type { CurveRequest, FromCurveWorker } from './curveProtocol';
import { traceText } from './traceText';

/** The worker that draws a trace's miss-ratio curve: one request, then the page ends it. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromCurveWorker) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<CurveRequest>) => {
  const request = event.data;
  try {
    post({ type: 'progress', stage: 'reading', done: 0, total: 1 });
    const { source } = request;
    const { trace, popularity } =
      source.kind === 'file'
        ? { trace: parseTrace(await traceText(source.bytes, source.fileName)), popularity: undefined }
        : zipfTrace(source);
    const curve = missRatioCurve(trace, {
      ...(popularity ? { popularity } : {}),
      policies: request.policies,
      capacities: request.capacities,
      unit: request.unit,
      onPoint: (done, total) => post({ type: 'progress', stage: 'replaying', done, total }),
    });
    post({ type: 'curve', curve, csv: missRatioCurveCsv(curve) });
  } catch (error) {
    const where = request.source.kind === 'file' ? request.source.fileName : 'the generated trace';
    const why =
      error instanceof InputError ? error.message.split('\n')[0] : `could not be read (${String(error)})`;
    post({ type: 'failed', message: `${where}: ${why}` });
  }
};
