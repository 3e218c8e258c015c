import { InputError } from '../inputError';
import { parseJson } from '../input/jsonText';
import { describeValue, formatCount, formatPath, jsonWords, type InputProblem } from '../input/inputWords';
import { parseWithSchema } from '../input/parseWithSchema';
import { suggest } from '../input/suggest';
import { commandLogRules } from './commandRules';
import { timedCommandSchema, type TimedCommand } from './commandSchema';
import { parseRunTrace } from './runTrace';
import { scenarioSchema, type Scenario } from './schema';
import type { TraceInput } from '../workload/traceScenario';

/**
 * Turning what a person wrote into a valid scenario or command log: the schema (with its checks
 * that span fields, scenarioRules), then, for commands, the checks that need the scenario
 * (commandRules). Every problem reads `path: expected ..., got ...` in words a student can act on.
 */

/** A scenario and the commands a person applied during its run: the export and share format. */
export interface CommandLog {
  scenario: Scenario;
  commands: TimedCommand[];
  /** The simulated moment the run was exported at, when the file records it. */
  atMs?: number;
  /** The trace a trace-driven run plays (its file carries it: docs/traces.md). */
  trace?: TraceInput;
}

/** The top-level fields of an exported run. */
const commandLogFields = ['scenario', 'commands', 'atMs', 'trace'];

const timedCommandsSchema = timedCommandSchema.array();

/**
 * Validates a scenario and fills in every default.
 *
 * @throws InputError listing every problem, each naming its path and what was expected.
 * @example
 * parseScenario({ version: 1, topology: { cdn: { enabled: true } } }).topology.cdn.ttl.seconds; // 60
 */
export function parseScenario(input: unknown): Scenario {
  const result = parseWithSchema(scenarioSchema, input, jsonWords);
  if (!result.ok) throw invalid('The scenario is not valid', result.problems);
  return result.data;
}

/** Parses a scenario from JSON text; a syntax error names its line and column. */
export function parseScenarioJson(text: string): Scenario {
  return parseScenario(parseJson(text, 'scenario'));
}

/**
 * Validates an exported run: `{ "scenario": ..., "commands": [{ "atMs": ..., "command": ... }, ...] }`,
 * with an optional `"atMs"`, the moment it was exported, within the run.
 * Commands must be in time order and may only name nodes, servers and key spaces that exist.
 */
export function parseCommandLog(input: unknown): CommandLog {
  if (!isPlainObject(input)) {
    throw invalid('The command log is not valid', [
      `(the command log): expected an object { "scenario": ..., "commands": [...] }, got ${describe(input)}`,
    ]);
  }
  const problems: string[] = [];
  for (const key of Object.keys(input)) {
    if (!commandLogFields.includes(key)) {
      problems.push(
        `${key}: unknown field${suggest(key, commandLogFields)}; expected only "scenario", "commands", "atMs" and "trace"`,
      );
    }
  }
  let scenario: Scenario | undefined;
  try {
    scenario = parseScenario(input.scenario);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems.map((problem) => prefixProblem('scenario', problem)));
  }
  let commands: TimedCommand[] = [];
  try {
    commands = scenario ? parseCommands(input.commands, scenario, 'commands') : [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  const atMsProblem = scenario ? exportedAtProblem(input.atMs, scenario) : null;
  if (atMsProblem) problems.push(atMsProblem);
  const traced = scenario && input.trace !== undefined ? parseRunTrace(input.trace, scenario) : null;
  if (traced && 'problem' in traced) problems.push(traced.problem);
  if (problems.length > 0) throw invalid('The command log is not valid', problems);
  const atMs = input.atMs as number | undefined;
  return {
    scenario: scenario as Scenario,
    commands,
    ...(atMs === undefined ? {} : { atMs }),
    ...(traced && 'trace' in traced ? { trace: traced.trace } : {}),
  };
}

/**
 * An exported run's optional `atMs` (the moment it was exported) checked against the scenario it
 * will run on, for a run file whose own scenario is replaced by another.
 *
 * @throws InputError when it is there and not a time within the run.
 */
export function parseExportedAt(atMs: unknown, scenario: Scenario): number | undefined {
  const problem = exportedAtProblem(atMs, scenario);
  if (problem) throw invalid('The command log is not valid', [problem]);
  return atMs as number | undefined;
}

function exportedAtProblem(atMs: unknown, scenario: Scenario): string | null {
  if (atMs === undefined) return null;
  if (typeof atMs === 'number' && Number.isFinite(atMs) && atMs >= 0 && atMs <= scenario.durationMs)
    return null;
  return (
    `atMs: expected the simulated time the run was exported at, from 0 to its durationMs ` +
    `(${formatCount(scenario.durationMs)}), got ${describe(atMs)}`
  );
}

/** Parses an exported run from JSON text; a syntax error names its line and column. */
export function parseCommandLogJson(text: string): CommandLog {
  return parseCommandLog(parseJson(text, 'command log'));
}

/**
 * Validates a list of timed commands against the scenario they will run on: each command's shape,
 * time order, and the nodes, servers and key spaces it names.
 *
 * @param label how problems name the list, such as `commands` (`commands[3].atMs: ...`).
 */
export function parseCommands(input: unknown, scenario: Scenario, label = 'commands'): TimedCommand[] {
  if (!Array.isArray(input)) {
    throw invalid('The commands are not valid', [
      `${label}: expected a list [ { "atMs": ..., "command": { "type": ... } }, ... ], got ${describe(input)}`,
    ]);
  }
  const result = parseWithSchema(timedCommandsSchema, input, jsonWords);
  if (!result.ok) {
    throw invalid(
      'The commands are not valid',
      result.problems.map((problem) => prefixProblem(label, problem)),
    );
  }
  const problems = commandLogRules(result.data, scenario, label);
  if (problems.length > 0) throw invalid('The commands are not valid', problems.map(sayProblem));
  return result.data;
}

function sayProblem({ path, message }: InputProblem): string {
  return `${formatPath(path, jsonWords.root)}: ${message}`;
}

function describe(value: unknown): string {
  return describeValue(value, jsonWords.syntax);
}

function prefixProblem(prefix: string, problem: string): string {
  if (problem.startsWith(jsonWords.root)) return prefix + problem.slice(jsonWords.root.length);
  return problem.startsWith('[') ? `${prefix}${problem}` : `${prefix}.${problem}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function invalid(summary: string, problems: string[]): InputError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new InputError(`${summary} (${count}):`, problems);
}
