import { parseArgs } from 'node:util';
import { InputError } from '../engine/inputError';
import { parseWhole } from './parseWhole';
import { presetSizedKeys } from './benchFullModel';

/** What `npm run bench` was asked to measure, its flags checked. */
export type BenchRequest =
  | { mode: 'help' }
  | {
      mode: 'bench';
      json: boolean;
      /** 1M requests per run instead of 10M. */
      quick: boolean;
      /** Key counts to time the full model over too (events off), beside the budget's 100,000; null when not asked. */
      keys: number[] | null;
      /** Skip trace replay: time only the full model. */
      modelOnly: boolean;
    };

export const benchUsage = `Usage: npm run bench -- [flags]

  --json             print one JSON object: {"traceReplay": {...}, "fullModel": {"eventsOff", "eventsOn"}}
                     (and "fullModelByKeys" when --keys is given)
  --quick            1M requests a run instead of 10M, for a fast look
  --keys N[,N...]    also time the full model (events off) over these key counts (without it, the table
                     adds ${presetSizedKeys.toLocaleString('en')}, the largest preset's); the budget's figure is always 100,000 keys
  --model-only       time only the full model, not trace replay
  --help             print this help
`;

const options = {
  json: { type: 'boolean' },
  quick: { type: 'boolean' },
  keys: { type: 'string' },
  'model-only': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The largest key space the scenario schema accepts. */
const maxKeys = 10_000_000;

/**
 * Reads the bench's command line. A mistake (an unknown flag, a key count that is not a whole
 * number from 1 to 10,000,000) is an InputError naming the flag.
 */
export function parseBenchArgs(argv: readonly string[]): BenchRequest {
  let values: { json?: boolean; quick?: boolean; keys?: string; 'model-only'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`${message.split('\n')[0]}; run npm run bench -- --help for the flags`);
  }
  if (values.help) return { mode: 'help' };
  let keys: number[] | null = null;
  if (values.keys !== undefined) {
    const parts = values.keys.split(',');
    if (values.keys.trim() === '' || parts.some((part) => part.trim() === ''))
      throw new InputError(
        `--keys: expected whole numbers separated by commas, got ${JSON.stringify(values.keys)}`,
      );
    keys = parts.map((part) => parseWhole('--keys', part, 1, maxKeys));
  }
  return {
    mode: 'bench',
    json: values.json === true,
    quick: values.quick === true,
    keys,
    modelOnly: values['model-only'] === true,
  };
}
