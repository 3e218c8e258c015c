import { createEngine } from '../createEngine';
import type { TimedCommand } from '../scenario/commandSchema';
import type { Scenario } from '../scenario/schema';
import { eventCsvHeader, eventCsvRow } from './eventsCsv';
import { summaryCsv } from './summaryCsv';
import { timeSeriesCsv } from './timeSeriesCsv';

/** The three CSV files of a run (docs/csv.md). */
export interface RunCsv {
  summary: string;
  timeSeries: string;
  /** The event log; empty when the rows went to `writeEvents` instead. */
  events: string;
}

export interface ExportRunOptions {
  /**
   * Receives the event log piece by piece (the header, then a row per event) instead of keeping it
   * in memory: the CLI streams a long run's log to a file this way.
   */
  writeEvents?: (chunk: string) => void;
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
  write(eventCsvHeader);
  const engine = createEngine(scenario, {
    commands,
    recordEvents: false,
    onEvent: (event) => write(eventCsvRow(event)),
  });
  engine.runUntil(Math.min(untilMs, scenario.durationMs));
  const report = engine.metrics();
  return { summary: summaryCsv(report), timeSeries: timeSeriesCsv(report), events: parts.join('') };
}
