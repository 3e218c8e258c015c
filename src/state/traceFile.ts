import { formatCount } from '../engine/format/readableNumbers';
import { InputError, inputErrorFrom } from '../engine/inputError';
import type { TraceSummary } from '../worker/protocol';
import { traceText } from '../worker/traceText';

/**
 * A trace file as the page hands it to the engine worker: its text, gunzipped here (the stream
 * does not hold up the page), so that the worker parses it in the order of the messages around it.
 *
 * @throws InputError naming the file, when it is named .gz but is not gzip, or its gzip is damaged.
 */
export async function readTraceFile(file: File): Promise<string> {
  try {
    return await traceText(await file.arrayBuffer(), file.name);
  } catch (error) {
    throw error instanceof InputError ? inputErrorFrom(file.name, error) : error;
  }
}

/**
 * Why a trace-driven run has no share link: a link holds the scenario and the commands, and a
 * trace of any use is far longer than a browser opens; the run file carries the trace.
 */
export function traceShareRefusal(trace: TraceSummary): string {
  return (
    `This run plays the trace ${trace.name} (${formatCount(trace.requests)} requests), and a share link ` +
    'cannot carry a trace: it holds only the scenario and the commands. Save the run with "Scenario + commands JSON", ' +
    'which carries the trace, and open that file with "Open run file…" instead.'
  );
}
