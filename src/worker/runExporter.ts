import type { RunCsv } from '../engine/export/exportRun';
import { traceCsv } from '../engine/replay/traceCsv';
import type { TimedCommand } from '../engine/scenario/commandSchema';
import type { Scenario } from '../engine/scenario/schema';
import type { TraceInput } from '../engine/workload/traceScenario';
import { BlobWriter } from './blobWriter';
import type { EngineHostDeps } from './engineHostDeps';
import type { ExportFile, TimeWindow } from './protocol';

/** How the files are named in messages. */
const fileWords: Record<ExportFile, string> = {
  'summary-tiers': 'summary CSV per tier',
  'summary-end-to-end': 'summary CSV end to end',
  timeseries: 'time series CSV',
  events: 'events CSV',
  run: 'run file',
};

/** The event log export says how far it has got every this many rows. */
const progressRows = 500_000;

/** The run a file is made of: its scenario, its whole command log and the moment on screen. */
export interface RunAtMoment {
  scenario: Scenario;
  commands: TimedCommand[];
  atMs: number;
  /** The trace a trace-driven run plays: every file replays it. */
  trace?: TraceInput;
}

/**
 * Makes the run's files. The CSVs come from a replay (exportRun), so that they are the CLI's bytes;
 * the summary and the time series replay without formatting a single event, and the event log goes
 * into Blob parts as it is made. A failure never leaves the page waiting: it is answered with what
 * went wrong and what to do instead.
 */
export class RunExporter {
  /** The last summary and time series made, for the moment and command log they describe. */
  private metricsFiles: { key: string; csv: RunCsv } | null = null;

  constructor(private readonly deps: Pick<EngineHostDeps, 'exportRun' | 'post'>) {}

  /** A new run: what was made for the last one does not describe it. */
  forget(): void {
    this.metricsFiles = null;
  }

  exportFile(requestId: number, file: ExportFile, run: RunAtMoment | null, window?: TimeWindow): void {
    const post = this.deps.post;
    if (!run) {
      post({
        type: 'export.failed',
        requestId,
        message: 'There is no run to export yet: load a preset first.',
      });
      return;
    }
    const { scenario, commands, atMs, trace } = run;
    try {
      if (file === 'run') {
        // A trace-driven run's file carries its trace, so that it opens anywhere (docs/traces.md).
        const carried = trace ? { trace: { name: trace.name, csv: traceCsv(trace.trace) } } : {};
        const text = `${JSON.stringify({ scenario, commands, atMs, ...carried }, null, 2)}\n`;
        post({
          type: 'exported',
          requestId,
          file,
          atMs,
          blob: new Blob([text], { type: 'application/json' }),
        });
        return;
      }
      if (file === 'events') {
        this.exportEvents(requestId, run, window);
        return;
      }
      const csv = this.metricsCsv(scenario, commands, atMs, trace);
      const text =
        file === 'summary-tiers'
          ? csv.summaryTiers
          : file === 'summary-end-to-end'
            ? csv.summaryEndToEnd
            : csv.timeSeries;
      post({ type: 'exported', requestId, file, atMs, blob: new Blob([text], { type: 'text/csv' }) });
    } catch (error) {
      post({ type: 'export.failed', requestId, message: exportFailure(file, error) });
    }
  }

  /** The event log up to the window's end (at most now), with only the rows from its start on. */
  private exportEvents(requestId: number, run: RunAtMoment, window?: TimeWindow): void {
    const post = this.deps.post;
    const toMs = Math.min(run.atMs, window?.toMs ?? run.atMs);
    const fromMs = Math.max(0, window?.fromMs ?? 0);
    if (!(fromMs <= toMs)) {
      post({
        type: 'export.failed',
        requestId,
        message: `The time window is empty: it starts at ${fromMs} ms, after its end at ${toMs} ms. Give a start before the end.`,
      });
      return;
    }
    const writer = new BlobWriter('text/csv');
    // The worker is busy until the file is done; the page hears how far it has got meanwhile.
    let written = -1; // the header is not a row
    const write = (chunk: string) => {
      writer.write(chunk);
      if (++written % progressRows === 0 && written > 0)
        post({ type: 'export.progress', requestId, rows: written });
    };
    const csv = this.deps.exportRun(run.scenario, run.commands, toMs, {
      writeEvents: write,
      eventsFromMs: fromMs,
      ...(run.trace ? { trace: run.trace } : {}),
    });
    post({
      type: 'exported',
      requestId,
      file: 'events',
      atMs: toMs,
      blob: writer.finish(),
      rows: csv.eventRows,
    });
  }

  /** The summary and time series at atMs: one replay serves both files. */
  private metricsCsv(scenario: Scenario, commands: TimedCommand[], atMs: number, trace?: TraceInput): RunCsv {
    const key = `${atMs}\u0000${JSON.stringify(commands)}`;
    if (this.metricsFiles?.key !== key) {
      const options = { events: false, ...(trace ? { trace } : {}) };
      this.metricsFiles = { key, csv: this.deps.exportRun(scenario, commands, atMs, options) };
    }
    return this.metricsFiles.csv;
  }
}

/** What a person reads when a file could not be made: what happened, and what to do instead. */
export function exportFailure(file: ExportFile, error: unknown): string {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const words = fileWords[file];
  if (error instanceof RangeError || /memory|allocation|string length/i.test(detail)) {
    const instead =
      file === 'events'
        ? 'Export a shorter time window of the event log, or save the run file and make the whole log with ' +
          'the CLI (npm run sim -- --scenario RUN.json --events-csv FILE), which writes it to disk as it goes.'
        : 'Close other tabs and export again, or save the run file and make it with the CLI ' +
          '(npm run sim -- --scenario RUN.json --summary-tiers-csv FILE --summary-end-to-end-csv FILE ' +
          '--timeseries-csv FILE).';
    return `The ${words} could not be made: the browser ran out of memory for it (${detail}). ${instead}`;
  }
  return `The ${words} could not be made (${detail}). Your run is unchanged: export again, or save the run file and make the CSVs with the CLI.`;
}
