import type { Engine, EngineOptions } from '../engine/engine';
import type { ExportRunOptions, RunCsv } from '../engine/export/exportRun';
import type { TimedCommand } from '../engine/scenario/commandSchema';
import type { RunDocument } from '../engine/scenario/parseRunDocument';
import type { Scenario } from '../engine/scenario/schema';
import type { TraceInput } from '../engine/workload/traceScenario';
import type { FromWorker } from './protocol';

/** What the host needs from the outside: the engine's entry points, the clock and the message port. */
export interface EngineHostDeps {
  createEngine(scenario: Scenario, options: EngineOptions): Engine;
  /** Validates a scenario; throws an InputError that names the field. */
  parseScenario(input: unknown): Scenario;
  /** Validates timed commands against the scenario they run on; throws an InputError. */
  parseCommands(input: unknown, scenario: Scenario, label?: string): TimedCommand[];
  /** Parses JSON text; a syntax error becomes an InputError naming line and column. */
  parseJson(text: string, what: string): unknown;
  /** Validates an exported run or a bare scenario, as the CLI does; throws an InputError. */
  parseRunDocument(input: unknown): RunDocument;
  /** Replays scenario + commands to untilMs and returns the CSVs exactly as the CLI writes them. */
  exportRun(
    scenario: Scenario,
    commands: readonly TimedCommand[],
    untilMs: number,
    options?: ExportRunOptions,
  ): RunCsv;
  /** A trace file's text as a run's trace, named by its file; throws an InputError naming the line. */
  readTrace(text: string, name: string): TraceInput;
  /** The scenario of a run that plays the trace on a scenario's topology; throws an InputError. */
  traceScenario(scenario: Scenario, trace: TraceInput): Scenario;
  /** A preset by name, validated; throws an InputError for an unknown name. */
  loadPreset(name: string): Scenario;
  post(message: FromWorker): void;
  /** Wall-clock milliseconds (performance.now in the worker). */
  wallMs(): number;
}
