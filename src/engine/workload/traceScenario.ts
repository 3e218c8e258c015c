import { formatCount } from '../input/inputWords';
import { InputError } from '../inputError';
import type { Trace } from '../replay/trace';
import type { Command } from '../scenario/commandSchema';
import { parseScenario } from '../scenario/parseScenario';
import { maxBuckets } from '../scenario/scenarioLimits';
import type { Scenario } from '../scenario/schema';

/**
 * A trace as the workload of a run: its requests, and the name people know it by (its file's).
 * It is part of the run's input, like the scenario and the command log: every replay of the run
 * (a seek, a step back, an export) is given the same one.
 */
export interface TraceInput {
  name: string;
  trace: Trace;
}

/**
 * Most requests a trace-driven run plays in the browser: the live run keeps the trace, and every
 * seek replays it from the start. A longer trace still draws its miss-ratio curve (one tier, no
 * animation), or plays cut to its first lines.
 */
export const maxTraceRunRequests = 2_000_000;

/** How long the run goes on after the trace's last request, so its last requests finish. */
export const traceTailMs = 1000;

/** The name of the one key space a trace's keys are laid out in. */
export const traceKeySpace = 'trace';

/** Commands that would change the requests; the trace decides them, so they are left out of its run. */
const workloadCommands: readonly Command['type'][] = ['workload.set', 'keySpace.set', 'traffic.spike'];

/**
 * When request i of a trace arrives, in the run's milliseconds. A trace with timestamps keeps their
 * gaps, unscaled (scaling would change the rate, and with it every queue the trace's timing makes),
 * counted from its first request (real traces start at a clock time, not at 0). A trace whose
 * requests all share one time has no timing to keep: its requests are spaced evenly at the
 * scenario's rate.
 */
export function traceArrivalMs(trace: Trace, ratePerSecond: number): (i: number) => number {
  const { times } = trace;
  const first = times[0];
  if (traceIsTimed(trace)) return (i) => times[i] - first;
  const gapMs = 1000 / ratePerSecond;
  return (i) => i * gapMs;
}

/** True when the trace's requests do not all share one time. */
export function traceIsTimed({ times, requests }: Trace): boolean {
  return times[requests - 1] > times[0];
}

/** True when the trace gives every request a size of its own (a trace without sizes reads as all 1). */
export function traceHasSizes(trace: Trace): boolean {
  const { sizes, requests } = trace;
  for (let i = 0; i < requests; i++) if (sizes[i] !== 1) return true;
  return false;
}

/**
 * Whether `scenario` is one traceScenario made for this trace: one key space, `trace`, of a key per
 * distinct key of the trace. A run file or an engine given another pairing is refused.
 */
export function scenarioFitsTrace(scenario: Scenario, trace: Trace): boolean {
  const spaces = scenario.workload.keySpaces;
  return spaces.length === 1 && spaces[0].name === traceKeySpace && spaces[0].count === trace.distinctKeys;
}

/** Refuses a trace that cannot make a run, saying why; the person's run goes on. */
function checkTrace({ name, trace }: TraceInput): void {
  if (trace.requests === 0) throw new InputError(`${name}: the trace has no requests to play`);
  if (trace.requests > maxTraceRunRequests) {
    throw new InputError(
      `${name}: the trace has ${formatCount(trace.requests)} requests; a run in the browser plays at most ` +
        `${formatCount(maxTraceRunRequests)} (every seek replays it from the start). ` +
        `Draw its miss-ratio curve instead, or play its first ${formatCount(maxTraceRunRequests)} lines`,
    );
  }
}

/**
 * The scenario of a run whose workload is a trace, on `scenario`'s topology and policies:
 *
 * - one key space, `trace`, with a key per distinct key of the trace (the model names each by the
 *   trace's own key); its size setting (used when the trace has no sizes) and its Cache-Control are
 *   the scenario's first key space's;
 * - the run lasts as long as the trace, plus traceTailMs (a trace is the workload: clipping it to the
 *   scenario's length would drop requests, stretching it would add idle time); the time buckets
 *   widen when a long trace would make more than the limit;
 * - the rate is the trace's mean rate (what the workload controls show), no phases, no writes beyond
 *   the trace's own;
 * - the browser, CDN and app-local tiers are off: a trace is what a cache server saw, so its
 *   requests reach the distributed tier as they are. A person can turn those tiers on in the run;
 * - the scenario's faults that change the workload are left out; the others (a node failing) stay,
 *   if they fall within the trace's time.
 *
 * @throws InputError for a trace with no requests, one too long to play, or one the scenario's
 *   limits refuse (too many distinct keys), naming the trace.
 */
export function traceScenario(scenario: Scenario, input: TraceInput): Scenario {
  checkTrace(input);
  const { trace, name } = input;
  const arrivalMs = traceArrivalMs(trace, scenario.workload.ratePerSecond);
  const lastMs = arrivalMs(trace.requests - 1);
  const durationMs = lastMs + traceTailMs;
  const bucketMs = Math.max(scenario.bucketMs, Math.ceil(durationMs / maxBuckets / 1000) * 1000);
  // The workload controls show the trace's mean rate; an untimed trace plays at the scenario's.
  const meanRate = traceIsTimed(trace) ? (trace.requests * 1000) / lastMs : scenario.workload.ratePerSecond;
  const { topology } = scenario;
  const first = scenario.workload.keySpaces[0];
  const derived: Scenario = {
    ...structuredClone(scenario),
    name: `Trace ${name}`.slice(0, 120),
    description: `A trace's requests in place of the workload of "${scenario.name}", through its topology.`,
    durationMs,
    bucketMs,
    faults: scenario.faults.filter(
      (fault) => !workloadCommands.includes(fault.command.type) && fault.atMs < durationMs,
    ),
  };
  derived.workload = {
    ...derived.workload,
    ratePerSecond: Math.min(10_000_000, meanRate),
    writeRatio: 0,
    phases: [],
    keySpaces: [
      {
        name: traceKeySpace,
        weight: 1,
        count: trace.distinctKeys,
        popularity: { kind: 'uniform' },
        writeRatio: 0,
        perUser: false,
        kind: 'data',
        sensitive: false,
        http: first.http,
        size: structuredClone(first.size),
      },
    ],
  };
  derived.topology = {
    ...derived.topology,
    browser: { ...topology.browser, enabled: false },
    cdn: { ...topology.cdn, enabled: false },
    appServers: { ...topology.appServers, local: { ...topology.appServers.local, enabled: false } },
  };
  try {
    return parseScenario(derived);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(`${name}: the trace cannot play on this scenario`, error.problems);
  }
}
