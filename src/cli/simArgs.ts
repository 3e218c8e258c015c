import { parseArgs } from 'node:util';
import { InputError } from '../engine/inputError';
import { nearestName } from '../engine/input/suggest';
import { policyNames, samplingPolicies, type PolicyName } from '../engine/policies/names';
import { parseWhole } from './parseWhole';

/** What `npm run sim` was asked to do, its flags checked and converted. */
export type SimRequest =
  | { mode: 'help' }
  | { mode: 'list-presets' }
  | {
      mode: 'scenario';
      /** A file path, or `preset:NAME`; absent when --commands holds a whole exported run. */
      scenario: string | null;
      seed: number | null;
      commands: string | null;
      /** Run only to this simulated time (ms); null: an exported run's atMs, else the whole run. */
      untilMs: number | null;
      summaryTiersCsv: string | null;
      summaryEndToEndCsv: string | null;
      timeSeriesCsv: string | null;
      eventsCsv: string | null;
      json: boolean;
    }
  | {
      mode: 'sweep';
      scenario: string;
      seed: number | null;
      /** The setting path and the values, as text, in the order given. */
      path: string;
      values: string[];
      sweepCsv: string | null;
      json: boolean;
    }
  | {
      mode: 'trace';
      trace: string;
      /** One policy (--policy) or several (--policies), in the order given. */
      policies: PolicyName[];
      /** One capacity (--capacity) or several (--capacities), in the order given. */
      capacities: number[];
      /** Whether a miss-ratio curve was asked for (--policies, --capacities or --curve-csv). */
      curve: boolean;
      /** Where to write the curve's CSV, or null. */
      curveCsv: string | null;
      unit: 'entries' | 'bytes';
      /** maxmemory-samples for redis-lru and redis-lfu; null for the default (5). */
      samples: number | null;
      seed: number | null;
      json: boolean;
    };

export const simUsage = `Usage: npm run sim -- [flags]

Run a scenario (a JSON file or a preset) headlessly:
  --scenario FILE.json|preset:NAME   the scenario to run (an exported run {scenario, commands} works too)
  --seed N                           override the scenario's seed (a whole number 0..4294967295)
  --commands FILE.json               timed commands to apply: a list [{atMs, command}, ...] or an
                                     exported run {scenario, commands}
  --until MS                         run only to this simulated time in milliseconds and write what
                                     was measured there (default: an exported run's atMs, else the end)
  --summary-tiers-csv FILE           write the summary's per-tier CSV (a row per cache tier)
  --summary-end-to-end-csv FILE      write the summary's end-to-end CSV (one row, as the users saw it)
  --timeseries-csv FILE              write the time-series CSV (a row per bucket per tier)
  --events-csv FILE                  write the event log CSV (a row per event)
  --json                             print one JSON object instead of the readable summary

Sweep one setting of a scenario (every variant sees the same requests; one thread a core):
  --scenario FILE.json|preset:NAME   the scenario to vary
  --sweep PATH=V1,V2,...             a setting path and its values, such as
                                     tiers.distributed.capacity=100,1000,10000 or
                                     policies.write=write-through,write-around (docs/cli.md lists paths)
  --sweep-csv FILE                   write a row per value: hit ratios, stale reads, database load, latency
  --json                             print one JSON object {setting, points: [...]}

Replay a request trace through one cache, or draw its miss-ratio curve:
  --trace FILE.csv[.gz]              a CSV trace with a header: time,key[,size][,op]
  --policy NAME                      ${policyNames.join(', ')}
  --capacity N                       the cache's capacity, a whole number > 0
  --policies A,B,...                 several policies: a miss-ratio curve, one replay per policy and
                                     capacity (opt is Belady's, the floor no policy can beat)
  --capacities N,N,...               several capacities for the curve
  --curve-csv FILE                   write the curve as CSV: a row per policy and capacity, then the
                                     analytic models (Che for lru, King-Gelenbe for fifo and random)
  --unit entries|bytes               what capacity counts (default entries)
  --samples N                        maxmemory-samples for redis-lru and redis-lfu, 1..64 (default 5)
  --seed N                           seed of the policy's random choices (default 1)
  --json                             print one JSON object

Other:
  --list-presets                     print the preset names, one a line
  --help                             print this help

Exit status: 0 on success, 2 for a mistake in the flags or the input, 1 for a bug.
`;

const options = {
  scenario: { type: 'string' },
  seed: { type: 'string' },
  commands: { type: 'string' },
  until: { type: 'string' },
  // Replaced by the two files below; kept so that using it says where to go.
  'summary-csv': { type: 'string' },
  'summary-tiers-csv': { type: 'string' },
  'summary-end-to-end-csv': { type: 'string' },
  'timeseries-csv': { type: 'string' },
  'events-csv': { type: 'string' },
  json: { type: 'boolean' },
  'list-presets': { type: 'boolean' },
  trace: { type: 'string' },
  policy: { type: 'string' },
  capacity: { type: 'string' },
  policies: { type: 'string' },
  capacities: { type: 'string' },
  'curve-csv': { type: 'string' },
  sweep: { type: 'string' },
  'sweep-csv': { type: 'string' },
  unit: { type: 'string' },
  samples: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const flagNames = Object.keys(options);
const scenarioOnly = [
  'scenario',
  'commands',
  'until',
  'summary-csv',
  'summary-tiers-csv',
  'summary-end-to-end-csv',
  'timeseries-csv',
  'events-csv',
] as const;
const traceOnly = [
  'trace',
  'policy',
  'capacity',
  'policies',
  'capacities',
  'curve-csv',
  'unit',
  'samples',
] as const;

/**
 * Reads the command line. Mistakes (an unknown flag, a missing value, flags that do not go
 * together, a capacity that is not a positive whole number) are InputErrors that name the flag.
 */
export function parseSimArgs(argv: readonly string[]): SimRequest {
  let values: Partial<Record<keyof typeof options, string | boolean>>;
  try {
    ({ values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw argumentError(error);
  }
  const text = (name: keyof typeof options): string | null => {
    const value = values[name];
    if (typeof value !== 'string') return null;
    if (value.trim() === '' || value.startsWith('--')) {
      throw new InputError(`--${name}: expected a value after the flag, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  if (values.help) return { mode: 'help' };
  if (values['list-presets']) return { mode: 'list-presets' };

  const seedText = text('seed');
  const seed = seedText === null ? null : parseWhole('--seed', seedText, 0, 4294967295);
  const json = values.json === true;
  const trace = text('trace');
  if (trace !== null) {
    const misplaced = scenarioOnly.filter((name) => values[name] !== undefined);
    if (misplaced.length > 0) {
      throw new InputError(
        `--trace replays a trace; it does not go with --${misplaced[0]} (that is for scenarios)`,
      );
    }
    const policies = listOf(text, 'policy', 'policies', 'NAME', policyNames.join(', ')).map((policy) => {
      if ((policyNames as readonly string[]).includes(policy)) return policy as PolicyName;
      throw new InputError(
        `--${values.policies !== undefined ? 'policies' : 'policy'}: unknown eviction policy ${JSON.stringify(policy)}${suggestName(policy, policyNames)}; ` +
          `expected one of ${policyNames.join(', ')}`,
      );
    });
    const capacities = listOf(text, 'capacity', 'capacities', 'N', 'the cache size (a whole number > 0)').map(
      (capacity) =>
        parseWhole(
          values.capacities !== undefined ? '--capacities' : '--capacity',
          capacity,
          1,
          Number.MAX_SAFE_INTEGER,
        ),
    );
    const unit = text('unit') ?? 'entries';
    if (unit !== 'entries' && unit !== 'bytes') {
      throw new InputError(`--unit: expected entries or bytes, got ${JSON.stringify(unit)}`);
    }
    const samplesText = text('samples');
    if (samplesText !== null && !policies.some((policy) => samplingPolicies.includes(policy))) {
      throw new InputError(
        `--samples: maxmemory-samples is for ${samplingPolicies.join(' and ')}; ${policies.join(', ')} does not sample`,
      );
    }
    const samples = samplesText === null ? null : parseWhole('--samples', samplesText, 1, 64);
    const curveCsv = text('curve-csv');
    const curve = values.policies !== undefined || values.capacities !== undefined || curveCsv !== null;
    return { mode: 'trace', trace, policies, capacities, curve, curveCsv, unit, samples, seed, json };
  }

  const misplaced = traceOnly.filter((name) => values[name] !== undefined);
  if (misplaced.length > 0)
    throw new InputError(`--${misplaced[0]} goes with --trace FILE, which is missing`);
  const sweep = text('sweep');
  const sweepCsv = text('sweep-csv');
  if (sweepCsv !== null && sweep === null)
    throw new InputError('--sweep-csv goes with --sweep PATH=V1,V2,..., which is missing');
  if (sweep !== null) return sweepRequest(sweep, sweepCsv, text('scenario'), seed, json, values);
  if (values['summary-csv'] !== undefined) {
    throw new InputError(
      '--summary-csv: the summary is now two files, each a table of its own: ' +
        'write them with --summary-tiers-csv FILE (a row per cache tier) and ' +
        '--summary-end-to-end-csv FILE (the end-to-end row); see docs/csv.md',
    );
  }
  const scenario = text('scenario');
  const commands = text('commands');
  const untilText = text('until');
  if (scenario === null && commands === null) {
    throw new InputError(
      'expected --scenario FILE.json|preset:NAME, --trace FILE, --list-presets or --help',
      ['run npm run sim -- --help for every flag'],
    );
  }
  return {
    mode: 'scenario',
    scenario,
    seed,
    commands,
    untilMs: untilText === null ? null : parseMs('--until', untilText),
    summaryTiersCsv: text('summary-tiers-csv'),
    summaryEndToEndCsv: text('summary-end-to-end-csv'),
    timeSeriesCsv: text('timeseries-csv'),
    eventsCsv: text('events-csv'),
    json,
  };
}

/** `--sweep PATH=V1,V2,...`, checked for its shape; the path and values are the scenario's to judge. */
function sweepRequest(
  sweep: string,
  sweepCsv: string | null,
  scenario: string | null,
  seed: number | null,
  json: boolean,
  values: Partial<Record<string, string | boolean>>,
): SimRequest {
  const besides = scenarioOnly.filter((name) => name !== 'scenario' && values[name] !== undefined);
  if (besides.length > 0) {
    throw new InputError(
      `--sweep runs each variant from start to end with no commands and writes --sweep-csv; it does not go with --${besides[0]}`,
    );
  }
  if (scenario === null)
    throw new InputError('--sweep needs --scenario FILE.json|preset:NAME, the scenario to vary');
  const equals = sweep.indexOf('=');
  const path = sweep.slice(0, Math.max(0, equals)).trim();
  const list = sweep
    .slice(equals + 1)
    .split(',')
    .map((value) => value.trim());
  if (equals <= 0 || list.some((value) => value === '')) {
    throw new InputError(
      `--sweep: expected PATH=V1,V2,... such as tiers.distributed.capacity=100,1000, got ${JSON.stringify(sweep)}`,
    );
  }
  if (list.length > 100) throw new InputError(`--sweep: at most 100 values, not ${list.length}`);
  return { mode: 'sweep', scenario, seed, path, values: list, sweepCsv, json };
}

/**
 * The values of a flag that takes one (`--policy lru`) or of its list form (`--policies lru,opt`),
 * never both; an InputError names what is missing or repeated.
 */
function listOf(
  text: (name: 'policy' | 'policies' | 'capacity' | 'capacities') => string | null,
  one: 'policy' | 'capacity',
  many: 'policies' | 'capacities',
  placeholder: string,
  expected: string,
): string[] {
  const single = text(one);
  const list = text(many);
  if (single !== null && list !== null) {
    throw new InputError(
      `--${one} and --${many} do not go together: give --${many} ${placeholder},${placeholder},... alone`,
    );
  }
  if (single !== null) return [single];
  if (list === null)
    throw new InputError(`--trace needs --${one} ${placeholder} (or --${many}), ${expected}`);
  const items = list.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) {
    throw new InputError(
      `--${many}: expected a list separated by commas, such as ${placeholder},${placeholder}, got ${JSON.stringify(list)}`,
    );
  }
  return items;
}

/** A flag's time in milliseconds: a number >= 0, decimals allowed (`12345.678`). */
function parseMs(flag: string, text: string): number {
  const value = Number(text);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || !Number.isFinite(value)) {
    throw new InputError(
      `${flag}: expected a simulated time in milliseconds (a number >= 0, such as 12500), got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/** Turns node:util parseArgs's errors into messages that name the flag and what to do. */
function argumentError(error: unknown): InputError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const name = flag.replace(/^-+/, '');
      return new InputError(
        `unknown flag ${flag}${suggestName(name, flagNames, '--')}; run npm run sim -- --help for the flags`,
      );
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/ambiguous/.test(message)) {
        return new InputError(
          `${flag}: expected a value after the flag, got something starting with "-" ` +
            `(if that is the value, write ${flag}=VALUE)`,
        );
      }
      return /argument missing/.test(message)
        ? new InputError(`${flag}: expected a value after the flag`)
        : new InputError(`${flag}: takes no value`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const word = /'([^']*)'/.exec(message)?.[1] ?? '';
      return new InputError(
        `unexpected argument ${JSON.stringify(word)}: every value follows its flag, as in --scenario ${word}`,
      );
    }
    default:
      return new InputError(`could not read the flags: ${message}`);
  }
}

/** ` (did you mean --seed?)` for a near miss (names are not quoted on a command line). */
function suggestName(word: string, names: readonly string[], prefix = ''): string {
  const near = nearestName(word, names);
  return near === null ? '' : ` (did you mean ${prefix}${near}?)`;
}
