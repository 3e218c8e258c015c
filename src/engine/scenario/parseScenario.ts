import type { z } from 'zod';
import { InputError } from '../inputError';
import { futureKnowingPolicies, livePolicyNames } from '../policies/names';
import { timedCommandSchema, type TimedCommand } from './commandSchema';
import { scenarioSchema, type Scenario } from './schema';

/**
 * Turning what a person wrote into a valid scenario: the schema's checks, then the checks that
 * span fields (a phase that ends before it starts, a fault on a node that does not exist), each
 * problem reported as `path: expected ..., got ...` in words a student can act on.
 */

/** More requests than this in one run is a mistake (hours of simulation, gigabytes of metrics). */
export const maxExpectedRequests = 200_000_000;
/** Per-user key spaces hold count × clients keys; more than this will not fit in a browser tab. */
export const maxPerUserKeys = 10_000_000;
/** Keys of all the key spaces together: each key has a row in every tier's tables. */
export const maxTotalKeys = 10_000_000;
/** Time buckets in one run (durationMs / bucketMs): each keeps a row per tier, for the whole run. */
export const maxBuckets = 100_000;

/** A scenario and the commands a person applied during its run: the export and share format. */
export interface CommandLog {
  scenario: Scenario;
  commands: TimedCommand[];
  /** The simulated moment the run was exported at, when the file records it. */
  atMs?: number;
}

/** The top-level fields of an exported run. */
const commandLogFields = ['scenario', 'commands', 'atMs'];

type Path = readonly PropertyKey[];

/**
 * Validates a scenario and fills in every default.
 *
 * @throws InputError listing every problem, each naming its path and what was expected.
 * @example
 * parseScenario({ version: 1, topology: { cdn: { enabled: true } } }).topology.cdn.ttl.seconds; // 60
 */
export function parseScenario(input: unknown): Scenario {
  const result = scenarioSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    throw invalid('The scenario is not valid', describeIssues(result.error.issues, input, scenarioSchema));
  }
  const problems = scenarioProblems(result.data);
  if (problems.length > 0) throw invalid('The scenario is not valid', problems);
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
        `${key}: unknown field${suggest(key, commandLogFields)}; expected only "scenario", "commands" and "atMs"`,
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
  if (problems.length > 0) throw invalid('The command log is not valid', problems);
  const atMs = input.atMs as number | undefined;
  return { scenario: scenario as Scenario, commands, ...(atMs === undefined ? {} : { atMs }) };
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
  const schema = timedCommandSchema.array();
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) {
    const problems = describeIssues(result.error.issues, input, schema);
    throw invalid(
      'The commands are not valid',
      problems.map((problem) => prefixProblem(label, problem)),
    );
  }
  const problems: string[] = [];
  for (let i = 1; i < result.data.length; i++) {
    const previous = result.data[i - 1].atMs;
    if (result.data[i].atMs < previous) {
      problems.push(
        `${label}[${i}].atMs: expected a time >= the previous command's (${previous}), got ${result.data[i].atMs}; ` +
          'commands must be listed in time order',
      );
    }
  }
  // A scenario's own faults may fall after a shortened run's end (they just never happen); a command
  // log given with a run is what a person wants applied, so one past the end is a mistake.
  result.data.forEach(({ atMs }, i) => {
    if (atMs > scenario.durationMs) {
      problems.push(
        `${label}[${i}].atMs: expected a time within the run (durationMs is ${formatCount(scenario.durationMs)}), ` +
          `got ${formatCount(atMs)}; a command after the end would never run`,
      );
    }
  });
  problems.push(...commandProblems(result.data, scenario, label));
  const requests = expectedRequests(scenario, result.data);
  if (problems.length === 0 && requests > maxExpectedRequests) {
    problems.push(
      `${label}: with these commands the run would issue about ${formatCount(requests)} requests ` +
        `(their rate changes and traffic spikes over the scenario's ${formatCount(scenario.durationMs)} ms), ` +
        `expected at most ${formatCount(maxExpectedRequests)}; lower the rates or the spikes' multipliers`,
    );
  }
  if (problems.length > 0) throw invalid('The commands are not valid', problems);
  return result.data;
}

/**
 * Parses JSON text. A syntax error becomes an InputError naming the line and column and, for the
 * usual slips (a trailing comma, single quotes, a comment), what to change.
 *
 * @param what what the text holds, for the message ("scenario", "command log").
 */
export function parseJson(text: string, what: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    let found: JsonSyntaxError | null = null;
    try {
      found = findJsonSyntaxError(body);
    } catch (scanError) {
      // Nested deeper than the scan's stack (thousands of "[" in a row): JSON.parse's words will do.
      if (!(scanError instanceof RangeError)) throw scanError;
    }
    const where = found ? lineAndColumn(body, found.position) : null;
    const problem = where
      ? `line ${where.line}, column ${where.column}: ${found!.message}`
      : `${error.message}`;
    throw new InputError(`The ${what} is not valid JSON`, [problem]);
  }
}

// ---------------------------------------------------------------------------------------------
// Cross-field checks

function scenarioProblems(scenario: Scenario): string[] {
  const problems: string[] = [];
  const { workload, topology } = scenario;

  workload.phases.forEach((phase, i) => {
    if (phase.endMs <= phase.startMs) {
      problems.push(
        `workload.phases[${i}].endMs: expected a time after startMs (${phase.startMs}), got ${phase.endMs}`,
      );
    }
  });

  const firstUse = new Map<string, number>();
  let perUserTooMany = false;
  workload.keySpaces.forEach((space, i) => {
    const path = `workload.keySpaces[${i}]`;
    const earlier = firstUse.get(space.name);
    if (earlier === undefined) firstUse.set(space.name, i);
    else {
      problems.push(
        `${path}.name: "${space.name}" is used twice (also by workload.keySpaces[${earlier}]); ` +
          'expected every key space to have its own name',
      );
    }
    if (space.size.kind === 'uniform' && space.size.minBytes > space.size.maxBytes) {
      problems.push(
        `${path}.size.maxBytes: expected a size >= minBytes (${space.size.minBytes}), got ${space.size.maxBytes}`,
      );
    }
    if (space.kind === 'session' && !topology.distributed.enabled) {
      problems.push(
        `${path}.kind: a "session" key space lives only in the distributed cache, ` +
          'so expected topology.distributed.enabled to be true, got false',
      );
    }
    if (space.perUser && space.count * workload.clients > maxPerUserKeys) {
      perUserTooMany = true;
      problems.push(
        `${path}.count: a per-user key space holds count × workload.clients keys: ` +
          `${space.count} × ${workload.clients} = ${formatCount(space.count * workload.clients)}, ` +
          `expected at most ${formatCount(maxPerUserKeys)}; lower count or workload.clients`,
      );
    }
  });

  const totalKeys = workload.keySpaces.reduce((sum, space) => sum + keysOf(space.count, space.perUser, workload.clients), 0);
  // One space over its own limit is already reported; the total would say the same again.
  if (!perUserTooMany && totalKeys > maxTotalKeys) {
    problems.push(
      `workload.keySpaces: the key spaces hold ${formatCount(totalKeys)} keys in all ` +
        `(count, times workload.clients for per-user ones), expected at most ${formatCount(maxTotalKeys)}; lower their counts`,
    );
  }

  const buckets = scenario.durationMs / scenario.bucketMs;
  if (buckets > maxBuckets) {
    problems.push(
      `bucketMs: durationMs / bucketMs makes ${formatCount(Math.ceil(buckets))} time buckets, each kept for the whole run; ` +
        `expected at most ${formatCount(maxBuckets)}; raise bucketMs to at least ${formatCount(Math.ceil(scenario.durationMs / maxBuckets))} ` +
        'or shorten durationMs',
    );
  }

  if (topology.distributed.replication > topology.distributed.nodes) {
    problems.push(
      `topology.distributed.replication: expected at most the number of nodes ` +
        `(topology.distributed.nodes is ${topology.distributed.nodes}), got ${topology.distributed.replication}`,
    );
  }

  problems.push(...commandProblems(scenario.faults, scenario, 'faults'));

  const requests = expectedRequests(scenario);
  if (requests > maxExpectedRequests) {
    problems.push(
      `durationMs: this run would issue about ${formatCount(requests)} requests ` +
        `(workload.ratePerSecond × durationMs, with phases and traffic spikes), ` +
        `expected at most ${formatCount(maxExpectedRequests)}; lower durationMs, workload.ratePerSecond ` +
        "or the phases' rateMultiplier",
    );
  }
  return problems;
}

/** Keys a key space holds: its count, once per client when per-user. */
function keysOf(count: number, perUser: boolean, clients: number): number {
  return perUser ? count * clients : count;
}

/** Checks that commands name nodes, servers and key spaces the scenario has. */
function commandProblems(commands: readonly TimedCommand[], scenario: Scenario, label: string): string[] {
  const problems: string[] = [];
  const nodes = scenario.topology.distributed.nodes;
  const servers = scenario.topology.appServers.count;
  const spaces = scenario.workload.keySpaces;
  const spaceNames = spaces.map((space) => space.name);
  const counts = new Map(spaces.map((space) => [space.name, space.count]));
  commands.forEach(({ command }, i) => {
    const path = `${label}[${i}].command`;
    switch (command.type) {
      case 'node.fail':
      case 'node.recover':
        if (command.node >= nodes) {
          problems.push(
            `${path}.node: expected a cache node index from 0 to ${nodes - 1} ` +
              `(topology.distributed.nodes is ${nodes}; index 0 is the app's Cache node 1), got ${command.node}`,
          );
        }
        break;
      case 'server.fail':
      case 'server.recover':
        if (command.server >= servers) {
          problems.push(
            `${path}.server: expected an app server index from 0 to ${servers - 1} ` +
              `(topology.appServers.count is ${servers}), got ${command.server}`,
          );
        }
        break;
      case 'tier.configure': {
        const replication = command.changes.replication;
        if (replication !== undefined && command.tier !== 'distributed') {
          problems.push(`${path}.changes.replication: replication applies to the distributed cache only, not to ${command.tier}`);
        } else if (replication !== undefined && replication > nodes) {
          problems.push(
            `${path}.changes.replication: expected at most the number of nodes ` +
              `(topology.distributed.nodes is ${nodes}), got ${replication}`,
          );
        }
        break;
      }
      case 'keySpace.set': {
        const space = spaces.find((candidate) => candidate.name === command.name);
        if (!space) {
          problems.push(
            `${path}.name: expected the name of a key space (${spaceNames.map(quote).join(', ')}), ` +
              `got ${describe(command.name)}${suggest(command.name, spaceNames)}`,
          );
        } else if (
          space.perUser &&
          command.changes.count !== undefined &&
          command.changes.count * scenario.workload.clients > maxPerUserKeys
        ) {
          problems.push(
            `${path}.changes.count: a per-user key space holds count × workload.clients keys: ` +
              `${command.changes.count} × ${scenario.workload.clients}, expected at most ${formatCount(maxPerUserKeys)}`,
          );
        } else if (command.changes.count !== undefined) {
          counts.set(space.name, command.changes.count);
          const total = spaces.reduce(
            (sum, s) => sum + keysOf(counts.get(s.name)!, s.perUser, scenario.workload.clients),
            0,
          );
          if (total > maxTotalKeys) {
            problems.push(
              `${path}.changes.count: the key spaces would hold ${formatCount(total)} keys in all, ` +
                `expected at most ${formatCount(maxTotalKeys)}`,
            );
          }
        }
        break;
      }
      default:
        break;
    }
  });
  return problems;
}

/**
 * About how many requests a run issues: the base rate over the duration, times the multipliers of
 * the phases and traffic spikes in force at each moment (overlapping ones multiply, as in the
 * workload's rate schedule). The scenario's faults and `commands` (a command log to run with it)
 * may change the base rate and add spikes.
 */
export function expectedRequests(scenario: Scenario, commands: readonly TimedCommand[] = []): number {
  const { durationMs } = scenario;
  const windows = scenario.workload.phases.map((phase) => ({
    startMs: phase.startMs,
    endMs: phase.endMs,
    multiplier: phase.rateMultiplier,
  }));
  const rateChanges: { atMs: number; rate: number }[] = [];
  for (const { atMs, command } of [...scenario.faults, ...commands]) {
    if (command.type === 'traffic.spike') {
      windows.push({ startMs: atMs, endMs: atMs + command.durationMs, multiplier: command.multiplier });
    } else if (command.type === 'workload.set' && command.changes.ratePerSecond !== undefined) {
      rateChanges.push({ atMs, rate: command.changes.ratePerSecond });
    }
  }
  rateChanges.sort((a, b) => a.atMs - b.atMs);
  const baseRateAt = (ms: number) => {
    let rate = scenario.workload.ratePerSecond;
    for (const change of rateChanges) if (change.atMs <= ms) rate = change.rate;
    return rate;
  };
  const cuts = new Set<number>([0, durationMs]);
  for (const change of rateChanges) cuts.add(Math.min(Math.max(change.atMs, 0), durationMs));
  for (const span of windows) {
    cuts.add(Math.min(Math.max(span.startMs, 0), durationMs));
    cuts.add(Math.min(Math.max(span.endMs, 0), durationMs));
  }
  const times = [...cuts].sort((a, b) => a - b);
  let total = 0;
  for (let i = 1; i < times.length; i++) {
    let multiplier = 1;
    for (const window of windows) {
      if (window.startMs <= times[i - 1] && window.endMs >= times[i]) multiplier *= window.multiplier;
    }
    total += (baseRateAt(times[i - 1]) * multiplier * (times[i] - times[i - 1])) / 1000;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Turning zod's issues into sentences

type Issue = z.core.$ZodIssue;

interface SchemaDef {
  type: string;
  shape?: Record<string, SchemaLike>;
  element?: SchemaLike;
  options?: SchemaLike[];
  innerType?: SchemaLike;
  in?: SchemaLike;
  values?: unknown[];
  getter?: () => SchemaLike;
}
interface SchemaLike {
  _zod: { def: SchemaDef };
  format?: string | null;
}

function describeIssues(issues: readonly Issue[], root: unknown, schema: unknown, base: Path = []): string[] {
  return issues.flatMap((issue) =>
    describeIssue(issue, root, schema as SchemaLike, [...base, ...issue.path]),
  );
}

function describeIssue(issue: Issue, root: unknown, schema: SchemaLike, path: Path): string[] {
  const got = valueAt(root, path);
  const where = formatPath(path);
  const custom = issue.message.startsWith('expected ') ? issue.message : null;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'object' && path.length === 0) {
        return [`${where}: expected an object { "version": 1, ... }, got ${describe(got)}`];
      }
      const target = schemaAt(schema, path, root);
      const expected =
        issue.expected === 'number' && isIntSchema(target) ? 'a whole number' : typeWords(issue.expected);
      return [
        `${where}: expected ${custom ?? expected}, got ${describe(got)}${typeHint(issue.expected, got)}`,
      ];
    }
    case 'too_small':
    case 'too_big':
      return [
        `${where}: expected ${custom ?? boundWords(issue, schemaAt(schema, path, root))}, got ${describeSize(issue, got)}`,
      ];
    case 'invalid_value':
      return [
        `${where}: ${custom ?? valueWords(issue.values, got, path)}${custom ? `, got ${describe(got)}` : ''}`,
      ];
    case 'invalid_format':
      return [`${where}: ${custom ?? `expected text in the format ${issue.format}`}, got ${describe(got)}`];
    case 'not_multiple_of':
      return [`${where}: expected a multiple of ${issue.divisor}, got ${describe(got)}`];
    case 'unrecognized_keys': {
      const known = knownFields(schemaAt(schema, path, root));
      return issue.keys.map(
        (key) =>
          `${formatPath([...path, key])}: unknown field${suggest(key, known)}` +
          (known.length > 0 ? `; the fields here are ${known.join(', ')}` : ''),
      );
    }
    case 'invalid_union':
      return describeUnion(issue, root, schema, path);
    default:
      return [`${where}: ${issue.message}, got ${describe(got)}`];
  }
}

/**
 * A union fails in every branch. When a branch's discriminator (`kind`, `type`) matched, its issues
 * are the real ones; when none matched, the discriminator itself is wrong.
 */
function describeUnion(
  issue: Issue & { code: 'invalid_union' },
  root: unknown,
  schema: SchemaLike,
  path: Path,
): string[] {
  if (isDiscriminatorMiss(issue)) {
    const options = (issue as { options?: unknown[] }).options ?? [];
    return [`${formatPath(path)}: ${valueWords(options, valueAt(root, path), path)}`];
  }
  const branches = issue.errors;
  const matched = branches.filter((branch) => !branch.some(isDiscriminatorMiss));
  if (matched.length > 0) {
    const best = matched.reduce((a, b) => (b.length < a.length ? b : a));
    return describeIssues(best, root, schema, path);
  }
  // No branch matched its discriminator: list every value the discriminator may take.
  let key: PropertyKey = 'kind';
  const values: unknown[] = [];
  for (const branch of branches) {
    for (const inner of branch) {
      if (!isDiscriminatorMiss(inner)) continue;
      if (inner.code === 'invalid_union') {
        key = (inner as { discriminator?: string }).discriminator ?? inner.path[0] ?? key;
        values.push(...((inner as { options?: unknown[] }).options ?? []));
      } else if (inner.code === 'invalid_value') {
        key = inner.path[0];
        values.push(...inner.values);
      }
    }
  }
  const at = [...path, key];
  return [`${formatPath(at)}: ${valueWords(values, valueAt(root, at), at)}`];
}

function isDiscriminatorMiss(issue: Issue): boolean {
  // zod reports a discriminator that matches no option as a union with no branches and the options.
  if (issue.code === 'invalid_union') return issue.errors.length === 0 && 'options' in issue;
  return (
    issue.code === 'invalid_value' &&
    issue.path.length === 1 &&
    ['kind', 'type'].includes(String(issue.path[0]))
  );
}

function valueWords(values: readonly unknown[], got: unknown, path: Path): string {
  const last = path[path.length - 1];
  if (
    last === 'eviction' &&
    typeof got === 'string' &&
    (futureKnowingPolicies as readonly string[]).includes(got)
  ) {
    return (
      `"${got}" (Belady's OPT) needs to know every future request, so only trace replay can use it ` +
      `(npm run sim -- --trace FILE --policy ${got} --capacity N); expected a live policy: ` +
      livePolicyNames.map(quote).join(', ')
    );
  }
  const names = values.map((value) => (typeof value === 'string' ? value : String(value)));
  const expected =
    values.length === 1
      ? JSON.stringify(values[0])
      : `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
  const hint = typeof got === 'string' ? suggest(got, names) : '';
  return `expected ${expected}, got ${describe(got)}${hint}`;
}

function typeWords(expected: string): string {
  switch (expected) {
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'string':
      return 'text in double quotes';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object { ... }';
    case 'array':
      return 'a list [ ... ]';
    default:
      return expected;
  }
}

function typeHint(expected: string, got: unknown): string {
  if (
    (expected === 'number' || expected === 'int') &&
    typeof got === 'string' &&
    got.trim() !== '' &&
    Number.isFinite(Number(got))
  ) {
    return ' (write numbers without quotes)';
  }
  if (expected === 'boolean' && (got === 'true' || got === 'false'))
    return ' (write true or false without quotes)';
  return '';
}

function boundWords(
  issue: Issue & { code: 'too_small' | 'too_big' },
  target: SchemaLike | undefined,
): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'array':
    case 'set':
      return `${small ? 'at least' : 'at most'} ${bound} ${bound === 1 ? 'item' : 'items'}`;
    case 'string':
      return `text of ${small ? 'at least' : 'at most'} ${bound} ${bound === 1 ? 'character' : 'characters'}`;
    default: {
      const noun = isIntSchema(target) ? 'a whole number' : 'a number';
      const op = small ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
      return `${noun} ${op} ${bound}`;
    }
  }
}

function describeSize(issue: Issue & { code: 'too_small' | 'too_big' }, got: unknown): string {
  if (Array.isArray(got)) return `${got.length} ${got.length === 1 ? 'item' : 'items'}`;
  if (typeof got === 'string' && issue.origin === 'string') return `${got.length} characters`;
  return describe(got);
}

function isIntSchema(schema: SchemaLike | undefined): boolean {
  return typeof schema?.format === 'string' && schema.format.includes('int');
}

/** Describes a value the way a person would read it in their file. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** `workload.keySpaces[1].name`; the root is `(the scenario)`. */
function formatPath(path: Path): string {
  if (path.length === 0) return '(the scenario)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function prefixProblem(prefix: string, problem: string): string {
  if (problem.startsWith('(the scenario)')) return prefix + problem.slice('(the scenario)'.length);
  return problem.startsWith('[') ? `${prefix}${problem}` : `${prefix}.${problem}`;
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** The schema that checks the value at `path`, choosing union branches by the input's values. */
function schemaAt(schema: SchemaLike | undefined, path: Path, root: unknown): SchemaLike | undefined {
  let current = unwrap(schema, valueAt(root, []));
  for (let i = 0; i < path.length && current; i++) {
    const def = current._zod.def;
    const part = path[i];
    const value = valueAt(root, path.slice(0, i + 1));
    if (def.type === 'object' && def.shape) current = unwrap(def.shape[String(part)], value);
    else if (def.type === 'array' && def.element) current = unwrap(def.element, value);
    else return undefined;
  }
  return current;
}

/** Sees through defaults, optionals and pipes, and picks the union branch that fits the value. */
function unwrap(schema: SchemaLike | undefined, value: unknown): SchemaLike | undefined {
  let current = schema;
  for (let guard = 0; current && guard < 32; guard++) {
    const def = current._zod.def;
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else if (def.type === 'union' && def.options) current = pickOption(def.options, value);
    else return current;
  }
  return current;
}

function pickOption(options: readonly SchemaLike[], value: unknown): SchemaLike | undefined {
  for (const option of options) {
    const candidate = unwrap(option, value);
    const shape = candidate?._zod.def.shape;
    if (!shape) continue;
    const fits = Object.entries(shape).every(([key, field]) => {
      const def = field._zod.def;
      return def.type !== 'literal' || (def.values ?? []).includes(valueAt(value, [key]));
    });
    if (fits) return candidate;
  }
  return undefined;
}

function knownFields(schema: SchemaLike | undefined): string[] {
  const shape = schema?._zod.def.shape;
  return shape ? Object.keys(shape) : [];
}

/** ` (did you mean "ratePerSecond"?)` when a known name is a small typo away. */
function suggest(word: string, candidates: readonly string[]): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return best !== null && bestDistance <= allowed && best !== word ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      // A swap of two neighbours ("ratePerSecnod") counts as one edit.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], twoBack[j - 2] + 1);
      }
    }
    twoBack = previous;
    previous = row;
  }
  return previous[b.length];
}

function quote(name: string): string {
  return `"${name}"`;
}

function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function invalid(summary: string, problems: string[]): InputError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new InputError(`${summary} (${count}):`, problems);
}

// ---------------------------------------------------------------------------------------------
// Locating JSON syntax errors (JSON.parse's messages differ between engines and seldom say how to fix)

interface JsonSyntaxError {
  position: number;
  message: string;
}

class JsonScanError extends Error {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let pos = 0;
  const fail = (message: string, at = pos): never => {
    throw new JsonScanError(at, message);
  };
  const skipSpace = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++;
  };
  const wordAt = () => /^[A-Za-z_$][\w$]*/.exec(text.slice(pos, pos + 40))?.[0] ?? '';

  const value = (): void => {
    skipSpace();
    const c = text[pos];
    if (c === undefined) fail('the text ends where a value was expected (is a "}" or "]" missing?)');
    else if (c === '{') object();
    else if (c === '[') array();
    else if (c === '"') string();
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else if (c === "'") fail('text needs double quotes ("..."), not single quotes');
    else if (c === '/') fail('JSON has no comments; remove them');
    else if (c === '.') fail('a number needs a digit before the decimal point (0.5, not .5)');
    else if (c === '+') fail('a JSON number cannot start with "+"');
    else {
      const word = wordAt();
      if (word === 'true' || word === 'false' || word === 'null') pos += word.length;
      else if (word)
        fail(`unexpected word ${word}: expected a number, "text", true, false, null, an object or a list`);
      else fail(`unexpected character ${JSON.stringify(c)}: expected a value`);
    }
  };

  const object = (): void => {
    pos++;
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      const c = text[pos];
      if (c === '"') string();
      else if (c === '}') fail('a comma before "}": JSON allows no comma after the last field');
      else if (c === "'") fail('field names need double quotes ("name"), not single quotes');
      else if (c === '/') fail('JSON has no comments; remove them');
      else if (c === undefined) fail('the text ends inside an object (is a "}" missing?)');
      else if (wordAt()) fail(`field names need double quotes: write "${wordAt()}"`);
      else fail(`expected a field name in double quotes, got ${JSON.stringify(c)}`);
      skipSpace();
      if (text[pos] !== ':') fail('expected ":" after the field name');
      pos++;
      value();
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return;
      }
      if (text[pos] === undefined) fail('the text ends inside an object (is a "}" missing?)');
      if (text[pos] === '/') fail('JSON has no comments; remove them');
      fail('expected "," or "}" after a field\'s value (is a comma missing?)');
    }
  };

  const array = (): void => {
    pos++;
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[pos] === ']') fail('a comma before "]": JSON allows no comma after the last item');
      value();
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return;
      }
      if (text[pos] === undefined) fail('the text ends inside a list (is a "]" missing?)');
      if (text[pos] === '/') fail('JSON has no comments; remove them');
      fail('expected "," or "]" after an item (is a comma missing?)');
    }
  };

  const string = (): void => {
    const start = pos;
    pos++;
    while (pos < text.length) {
      const c = text[pos];
      if (c === '"') {
        pos++;
        return;
      }
      if (c === '\\') {
        const e = text[pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6)))
            fail('expected four hex digits after \\u');
          pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) pos += 2;
        else fail(`unknown escape \\${e ?? ''} in text (to write a backslash, write \\\\)`);
        continue;
      }
      if (c < ' ') fail('a line break or control character inside text: close the quote on the same line');
      pos++;
    }
    fail('this text is never closed with a double quote', start);
  };

  const number = (): void => {
    if (text[pos] === '-') pos++;
    if (text[pos] === '0') {
      pos++;
      if (text[pos] >= '0' && text[pos] <= '9') fail('a JSON number cannot start with 0 (write 7, not 07)');
    } else if (text[pos] >= '1' && text[pos] <= '9') {
      while (text[pos] >= '0' && text[pos] <= '9') pos++;
    } else fail('expected a digit');
    if (text[pos] === '.') {
      pos++;
      if (!(text[pos] >= '0' && text[pos] <= '9')) fail('expected a digit after the decimal point');
      while (text[pos] >= '0' && text[pos] <= '9') pos++;
    }
    if (text[pos] === 'e' || text[pos] === 'E') {
      pos++;
      if (text[pos] === '+' || text[pos] === '-') pos++;
      if (!(text[pos] >= '0' && text[pos] <= '9')) fail('expected a digit in the exponent');
      while (text[pos] >= '0' && text[pos] <= '9') pos++;
    }
  };

  try {
    skipSpace();
    if (pos === text.length) return { position: 0, message: 'the text is empty: expected a JSON value ({ ... } or [ ... ])' };
    value();
    skipSpace();
    if (pos < text.length) fail('unexpected text after the end of the JSON value (one value per file)');
    return null;
  } catch (error) {
    if (error instanceof JsonScanError) return { position: error.position, message: error.message };
    throw error;
  }
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}
