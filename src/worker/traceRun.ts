import { formatCount } from '../engine/input/inputWords';
import { InputError } from '../engine/inputError';
import { parseTrace } from '../engine/replay/parseTrace';
import { opWrite } from '../engine/replay/trace';
import { maxTraceRunRequests, type TraceInput } from '../engine/workload/traceScenario';
import type { TraceSummary } from './protocol';

/**
 * Reads a trace file's text for a run: too many lines is refused before the trace is built (a
 * browser tab would spend its memory on it first), and every problem names the file.
 */
export function readTrace(text: string, name: string): TraceInput {
  let lines = 0;
  for (
    let at = text.indexOf('\n');
    at >= 0 && lines <= maxTraceRunRequests + 1;
    at = text.indexOf('\n', at + 1)
  )
    lines++;
  if (lines > maxTraceRunRequests + 1) {
    throw new InputError(
      `${name}: the trace has more than ${formatCount(maxTraceRunRequests)} requests, the most a run in the browser plays ` +
        '(every seek replays it from the start). Draw its miss-ratio curve instead, or play its first lines',
    );
  }
  try {
    return { name, trace: parseTrace(text) };
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${name}: ${error.message}`, error.problems);
    throw error;
  }
}

/** What the page says about the trace a run plays. */
export function traceSummary({ name, trace }: TraceInput): TraceSummary {
  let writes = 0;
  for (let i = 0; i < trace.requests; i++) if (trace.ops[i] === opWrite) writes++;
  return { name, requests: trace.requests, distinctKeys: trace.distinctKeys, writes };
}
