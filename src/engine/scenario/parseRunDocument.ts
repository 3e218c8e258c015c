import { parseJson } from '../input/jsonText';
import { parseCommandLog, parseScenario, type CommandLog } from './parseScenario';

/**
 * A document that opens a run: an exported run `{ scenario, commands, atMs? }` (the Export's run
 * file, a share link's payload, what the CLI reads with --scenario or --commands), or a bare scenario,
 * which opens with no commands.
 */
export interface RunDocument extends CommandLog {
  /** Whether the document was an exported run rather than a bare scenario. */
  isRun: boolean;
}

/**
 * True for what reads as an exported run rather than a scenario: an object with a `scenario` field
 * and no `version` (every scenario has one, and no scenario field is named `scenario`).
 */
export function isRunShaped(input: unknown): input is Record<string, unknown> {
  return (
    input !== null &&
    typeof input === 'object' &&
    !Array.isArray(input) &&
    'scenario' in input &&
    !('version' in input)
  );
}

/**
 * Validates a document that opens a run. The browser (Open run, share links) and the CLI both read
 * runs through this one function, so they accept and reject the same documents with the same words:
 * an exported run must have exactly `scenario`, `commands` and, optionally, `atMs`.
 *
 * @throws InputError naming each problem by its path (`scenario.seed: ...`, `commands[2].atMs: ...`).
 * @example
 * parseRunDocument({ scenario: { version: 1 }, commands: [], atMs: 1500 }).atMs; // 1500
 * parseRunDocument({ version: 1 }).commands; // [] (a bare scenario)
 */
export function parseRunDocument(input: unknown): RunDocument {
  if (isRunShaped(input)) return { ...parseCommandLog(input), isRun: true };
  return { scenario: parseScenario(input), commands: [], isRun: false };
}

/**
 * Parses a run document from JSON text; a syntax error names its line and column.
 *
 * @param what where the text came from, for messages: "run file", "share link", a file's path.
 */
export function parseRunDocumentJson(text: string, what: string): RunDocument {
  return parseRunDocument(parseJson(text, what));
}
