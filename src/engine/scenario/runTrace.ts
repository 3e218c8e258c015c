import { InputError } from '../inputError';
import { parseTrace } from '../replay/parseTrace';
import { scenarioFitsTrace, traceKeySpace, type TraceInput } from '../workload/traceScenario';
import type { Scenario } from './schema';

/**
 * The trace an exported run carries, `"trace": { "name": ..., "csv": ... }` (a trace-driven run's
 * file: docs/traces.md), checked against the scenario it plays on, which traceScenario made from it.
 * Returns the trace, or the problem that names what is wrong.
 */
export function parseRunTrace(
  input: unknown,
  scenario: Scenario,
): { trace: TraceInput } | { problem: string } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { problem: 'trace: expected { "name": ..., "csv": ... }, the trace a trace-driven run plays' };
  }
  const { name, csv, ...rest } = input as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0)
    return { problem: `trace.${extra[0]}: unknown field; expected only "name" and "csv"` };
  if (typeof name !== 'string' || name === '')
    return { problem: "trace.name: expected the trace file's name" };
  if (typeof csv !== 'string')
    return { problem: 'trace.csv: expected the trace as CSV text (time,key[,size][,op])' };
  let trace: TraceInput;
  try {
    trace = { name, trace: parseTrace(csv) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { problem: `trace.csv: ${error.message}` };
  }
  if (!scenarioFitsTrace(scenario, trace.trace)) {
    const spaces = scenario.workload.keySpaces;
    return {
      problem:
        `trace: expected the trace the scenario was made from (one key space "${traceKeySpace}" of as many keys), ` +
        `got ${trace.trace.distinctKeys} keys for key spaces ${spaces.map((s) => `"${s.name}" (${s.count})`).join(', ')}`,
    };
  }
  return { trace };
}
