import type { SimEvent } from '../events';
import type { TimedCommand } from '../scenario/commandSchema';
import type { Scenario } from '../scenario/schema';
import { runToEnd } from '../run/runToEnd';
import type { TraceInput } from '../workload/traceScenario';
import { eventCsvHeader, eventCsvRow } from './eventsCsv';
import { summaryEndToEndCsv } from './summaryEndToEndCsv';
import { summaryTiersCsv } from './summaryTiersCsv';
import { timeSeriesCsv } from './timeSeriesCsv';

/** The CSV files of a run (docs/csv.md). */
export interface RunCsv {
  /** The summary's per-tier rows. */
  summaryTiers: string;
  /** The summary's end-to-end row. */
  summaryEndToEnd: string;
  timeSeries: string;
  /** The event log; empty when the rows went to `writeEvents` instead, or were not asked for. */
  events: string;
  /** Rows of the event log written (the header not counted). */
  eventRows: number;
}

export interface ExportRunOptions {
  /**
   * Receives the event log piece by piece (the header, then a row per event) instead of keeping it
   * in memory: the CLI streams a long run's log to a file this way, the browser into Blob parts.
   */
  writeEvents?: (chunk: string) => void;
  /**
   * False to make only the summary and the time series: the replay then formats no event at all,
   * which is several times faster and takes no memory for the log. Default true.
   */
  events?: boolean;
  /** Only events at this simulated time or later get a row (a time window of the log). Default 0. */
  eventsFromMs?: number;
  /** The trace a trace-driven run plays (its scenario is traceScenario's). */
  trace?: TraceInput;
}

/**
 * Replays a scenario and its command log from the start in a fresh engine, up to `untilMs` (the
 * scenario's duration by default), and returns the run's CSV files. The browser exports this way
 * too, not from its live engine, so its files are the CLI's bytes for the same scenario and commands,
 * whatever the live run's speed, pauses and event sampling were.
 */
export function exportRun(
  scenario: Scenario,
  commands: readonly TimedCommand[],
  untilMs: number = scenario.durationMs,
  options: ExportRunOptions = {},
): RunCsv {
  const parts: string[] = [];
  const write = options.writeEvents ?? ((chunk: string) => void parts.push(chunk));
  const withEvents = options.events ?? true;
  const fromMs = options.eventsFromMs ?? 0;
  let eventRows = 0;
  if (withEvents) write(eventCsvHeader);
  const onEvent = (event: SimEvent) => {
    if (event.t < fromMs) return;
    eventRows++;
    write(eventCsvRow(event));
  };
  const report = runToEnd(scenario, commands, {
    untilMs,
    trace: options.trace,
    ...(withEvents ? { onEvent } : {}),
  }).metrics();
  return {
    summaryTiers: summaryTiersCsv(report),
    summaryEndToEnd: summaryEndToEndCsv(report),
    timeSeries: timeSeriesCsv(report),
    events: parts.join(''),
    eventRows,
  };
}
