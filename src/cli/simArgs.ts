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
      mode: 'trace';
      trace: string;
      policy: PolicyName;
      capacity: number;
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

Replay a request trace through one cache:
  --trace FILE.csv[.gz]              a CSV trace with a header: time,key[,size][,op]
  --policy NAME                      ${policyNames.join(', ')}
  --capacity N                       the cache's capacity, a whole number > 0
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
const traceOnly = ['trace', 'policy', 'capacity', 'unit', 'samples'] as const;

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
    const policy = text('policy');
    if (policy === null)
      throw new InputError(`--trace needs --policy NAME, one of ${policyNames.join(', ')}`);
    if (!(policyNames as readonly string[]).includes(policy)) {
      throw new InputError(
        `--policy: unknown eviction policy ${JSON.stringify(policy)}${suggestName(policy, policyNames)}; ` +
          `expected one of ${policyNames.join(', ')}`,
      );
    }
    const capacityText = text('capacity');
    if (capacityText === null)
      throw new InputError('--trace needs --capacity N, the cache size (a whole number > 0)');
    const capacity = parseWhole('--capacity', capacityText, 1, Number.MAX_SAFE_INTEGER);
    const unit = text('unit') ?? 'entries';
    if (unit !== 'entries' && unit !== 'bytes') {
      throw new InputError(`--unit: expected entries or bytes, got ${JSON.stringify(unit)}`);
    }
    const samplesText = text('samples');
    if (samplesText !== null && !samplingPolicies.includes(policy as PolicyName)) {
      throw new InputError(
        `--samples: maxmemory-samples is for ${samplingPolicies.join(' and ')}; ${policy} does not sample`,
      );
    }
    const samples = samplesText === null ? null : parseWhole('--samples', samplesText, 1, 64);
    return { mode: 'trace', trace, policy: policy as PolicyName, capacity, unit, samples, seed, json };
  }

  const misplaced = traceOnly.filter((name) => values[name] !== undefined);
  if (misplaced.length > 0)
    throw new InputError(`--${misplaced[0]} goes with --trace FILE, which is missing`);
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
