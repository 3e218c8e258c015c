import { runToEnd } from '../engine/run/runToEnd';
import type { TraceInput } from '../engine/workload/traceScenario';
import {
  csvMs,
  eventCsvHeader,
  eventCsvRow,
  summaryEndToEndCsv,
  summaryTiersCsv,
  timeSeriesCsv,
} from '../engine/export/index';
import type { SimEvent } from '../engine/events';
import { InputError } from '../engine/inputError';
import type { MetricsReport } from '../engine/metrics/types';
import type { TimedCommand } from '../engine/scenario/commandSchema';
import { isRunShaped, parseRunDocument } from '../engine/scenario/parseRunDocument';
import { parseJson } from '../engine/input/jsonText';
import { parseCommands, parseExportedAt } from '../engine/scenario/parseScenario';
import { loadPreset, presetNames } from '../engine/scenario/presets/index';
import type { Scenario } from '../engine/scenario/schema';
import { formatRunSummary } from './formatRunSummary';
import { inFile } from './inFile';
import { parseSimArgs, simUsage, type SimRequest } from './simArgs';
import { runSweepCli } from './simSweep';
import { runTrace } from './simTrace';

/** A file being written piece by piece, so that a long run's event log never sits in memory. */
export interface FileSink {
  write(chunk: string): void;
  close(): Promise<void>;
}

/**
 * Everything `main` does to the outside world, passed in so that tests call `main` directly with
 * files in memory instead of spawning a process.
 */
export interface SimIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a UTF-8 text file (a scenario, a command log). */
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  /** Opens a file to write in pieces; without it the event log is collected and written at the end. */
  openFile?(path: string): Promise<FileSink>;
  /** Reads a trace file as text, gunzipping `.gz` (default: readTraceFile from the disk). */
  readTrace?(path: string): string;
  /** Wall-clock milliseconds, to time a trace replay (default: performance.now). */
  now?(): number;
}

/**
 * `npm run sim`: runs a scenario headlessly or replays a trace, and returns the exit status:
 * 0 on success, 2 for a person's mistake (the message names it, no stack trace), 1 for a bug.
 *
 * @example
 * await main(['--scenario', 'preset:basics', '--json'], io); // 0, and one JSON object on io.stdout
 */
export async function main(argv: readonly string[], io: SimIo): Promise<number> {
  try {
    const request = parseSimArgs(argv);
    switch (request.mode) {
      case 'help':
        io.stdout(simUsage);
        return 0;
      case 'list-presets':
        io.stdout(presetNames.map((name) => `${name}\n`).join(''));
        return 0;
      case 'trace':
        await runTrace(request, io);
        return 0;
      case 'scenario':
        await runScenario(request, io);
        return 0;
      case 'sweep':
        await runSweepCli(request, io, loadScenarioArgument);
        return 0;
    }
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`sim: ${error.message}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`sim: internal error, a bug in Cachescope (please report it):\n${detail}\n`);
    return 1;
  }
}

async function runScenario(request: Extract<SimRequest, { mode: 'scenario' }>, io: SimIo): Promise<void> {
  let scenario: Scenario;
  let commands: TimedCommand[];
  let source: string;
  /** The trace a trace-driven run file plays (docs/traces.md). */
  let trace: TraceInput | undefined;
  /** The moment the run file that gave the commands was exported at, if it says. */
  let exportedAt: { atMs: number; path: string } | null;
  const exportedAtOf = (path: string, atMs: number | undefined) =>
    atMs === undefined ? null : { atMs, path };
  if (request.scenario !== null) {
    let atMs: number | undefined;
    ({ scenario, commands, source, atMs, trace } = await loadScenarioArgument(request.scenario, io));
    exportedAt = exportedAtOf(source, atMs);
  } else {
    // --commands alone: the file must be a whole exported run.
    const path = request.commands as string;
    const input = await readJson(io, '--commands', path, 'command log');
    if (!isRunShaped(input)) {
      throw new InputError(
        `--commands ${path}: holds only commands; give the scenario too with --scenario FILE.json|preset:NAME`,
      );
    }
    const log = inFile(path, () => parseRunDocument(input));
    ({ scenario, commands, trace } = log);
    exportedAt = exportedAtOf(path, log.atMs);
    source = path;
  }
  if (request.seed !== null) scenario = { ...scenario, seed: request.seed };
  if (request.commands !== null && request.scenario !== null) {
    const path = request.commands;
    const input = await readJson(io, '--commands', path, 'command log');
    // A run's own scenario is replaced by --scenario; its commands and its moment are what it gives.
    const atMs = isRunShaped(input) ? inFile(path, () => parseExportedAt(input.atMs, scenario)) : undefined;
    exportedAt = exportedAtOf(path, atMs);
    const list = isRunShaped(input) ? input.commands : input;
    commands = inFile(path, () => parseCommands(list, scenario, 'commands'));
  }
  const untilMs = stopTime(request.untilMs, exportedAt, scenario, io);

  const events = request.eventsCsv === null ? null : await openSink(io, '--events-csv', request.eventsCsv);
  events?.write(eventCsvHeader);
  const report = runToEnd(scenario, commands, {
    untilMs,
    trace,
    ...(events ? { onEvent: (event: SimEvent) => events.write(eventCsvRow(event)) } : {}),
  }).metrics();
  if (events) await closeSink(events, '--events-csv', request.eventsCsv as string);

  const written: string[] = [];
  if (request.summaryTiersCsv !== null) {
    await writeOutput(io, '--summary-tiers-csv', request.summaryTiersCsv, summaryTiersCsv(report));
    written.push(request.summaryTiersCsv);
  }
  if (request.summaryEndToEndCsv !== null) {
    await writeOutput(io, '--summary-end-to-end-csv', request.summaryEndToEndCsv, summaryEndToEndCsv(report));
    written.push(request.summaryEndToEndCsv);
  }
  if (request.timeSeriesCsv !== null) {
    await writeOutput(io, '--timeseries-csv', request.timeSeriesCsv, timeSeriesCsv(report));
    written.push(request.timeSeriesCsv);
  }
  if (request.eventsCsv !== null) written.push(request.eventsCsv);

  if (request.json) {
    io.stdout(JSON.stringify(runJson(scenario, report), null, 2) + '\n');
  } else {
    io.stdout(formatRunSummary(scenario, source, report));
    if (written.length > 0) io.stdout(`\nWrote ${written.join(', ')}\n`);
  }
}

/**
 * Where the run stops: `--until`, else the moment an exported run file was taken at (said on stderr,
 * since the files then describe less than the whole run), else the end of the run.
 */
function stopTime(
  untilMs: number | null,
  exportedAt: { atMs: number; path: string } | null,
  scenario: Scenario,
  io: SimIo,
): number {
  if (untilMs !== null) {
    if (untilMs > scenario.durationMs) {
      throw new InputError(
        `--until: expected a time within the run (durationMs is ${scenario.durationMs}), got ${untilMs}`,
      );
    }
    return untilMs;
  }
  if (exportedAt === null) return scenario.durationMs;
  // The exact milliseconds (the CSV's form), so that the figure can be given to --until as it is.
  io.stderr(
    `sim: ${exportedAt.path} was exported at ${csvMs(exportedAt.atMs)} ms simulated; running to that moment ` +
      `(--until MS runs to another, --until ${scenario.durationMs} to the end)\n`,
  );
  return exportedAt.atMs;
}

/** What `--json` prints for a scenario run. */
function runJson(scenario: Scenario, report: MetricsReport) {
  return { scenario: scenario.name, seed: scenario.seed, durationMs: scenario.durationMs, metrics: report };
}

export async function loadScenarioArgument(
  argument: string,
  io: SimIo,
): Promise<{
  scenario: Scenario;
  commands: TimedCommand[];
  source: string;
  atMs?: number;
  trace?: TraceInput;
}> {
  if (argument.startsWith('preset:')) {
    const name = argument.slice('preset:'.length);
    try {
      return { scenario: loadPreset(name), commands: [], source: argument };
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`--scenario: ${error.message}`);
      throw error;
    }
  }
  const input = await readJson(io, '--scenario', argument, 'scenario');
  const { scenario, commands, atMs, trace } = inFile(argument, () => parseRunDocument(input));
  return { scenario, commands, source: argument, atMs, ...(trace ? { trace } : {}) };
}

async function readJson(io: SimIo, flag: string, path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    throw new InputError(`${flag} ${path}: cannot read it (${fileProblem(error)})`);
  }
  return inFile(path, () => parseJson(text, what));
}

async function writeOutput(io: SimIo, flag: string, path: string, text: string): Promise<void> {
  try {
    await io.writeFile(path, text);
  } catch (error) {
    throw new InputError(`${flag} ${path}: cannot write it (${fileProblem(error)})`);
  }
}

async function openSink(io: SimIo, flag: string, path: string): Promise<FileSink> {
  if (!io.openFile) {
    const chunks: string[] = [];
    return { write: (chunk) => void chunks.push(chunk), close: () => io.writeFile(path, chunks.join('')) };
  }
  let sink: FileSink;
  try {
    sink = await io.openFile(path);
  } catch (error) {
    throw new InputError(`${flag} ${path}: cannot write it (${fileProblem(error)})`);
  }
  // Writes happen during the run (a full disk, a closed pipe): the person's to fix, not a bug.
  return {
    write(chunk) {
      try {
        sink.write(chunk);
      } catch (error) {
        throw new InputError(`${flag} ${path}: cannot write it (${fileProblem(error)})`);
      }
    },
    close: () => sink.close(),
  };
}

async function closeSink(sink: FileSink, flag: string, path: string): Promise<void> {
  try {
    await sink.close();
  } catch (error) {
    throw new InputError(`${flag} ${path}: cannot write it (${fileProblem(error)})`);
  }
}

/** Node's file error codes in words; anything else is passed on as it is. */
function fileProblem(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EPIPE':
      return 'the program reading it stopped reading';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
