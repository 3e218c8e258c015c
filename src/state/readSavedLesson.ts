import { commandTypes } from '../engine/scenario/commandTypes';
import type { TimedCommand } from '../engine/scenario/commandSchema';
import type { Moment, SavedAttempt, SavedLesson, StepMark } from './lessonProgress.svelte';

/**
 * One lesson's saved progress, checked by hand rather than with the scenario schema, so that the
 * page's first script carries no zod (test/build/entryChunk.test.ts). The shape is small; the
 * attempt's commands are checked for their outline here and in full by the worker, which replays
 * them through parseRunDocument when the attempt is resumed.
 *
 * @returns a clean copy of what was stored, or null when any part of it is damaged.
 */
export function readSavedLesson(value: unknown): SavedLesson | null {
  if (!isRecord(value)) return null;
  const { step, finished, answers, attempt } = value;
  if (!isWhole(step, 1000) || typeof finished !== 'boolean' || !isRecord(answers)) return null;
  if (!Object.values(answers).every((answer) => isWhole(answer, 1000))) return null;
  const savedAttempt = attempt === null ? null : readAttempt(attempt);
  if (savedAttempt === undefined) return null;
  return { step, finished, answers: { ...(answers as Record<number, number>) }, attempt: savedAttempt };
}

/** The attempt, or undefined when it is damaged. */
function readAttempt(value: unknown): SavedAttempt | undefined {
  if (!isRecord(value)) return undefined;
  const { scenario, commands, starts, reached, at } = value;
  if (typeof scenario !== 'string' || scenario.length > 64) return undefined;
  if (!isList(commands, 10_000) || !commands.every(isTimedCommand)) return undefined;
  const marks = isList(starts, 1000) ? starts.map(readStepMark) : [];
  if (marks.length === 0 || marks.some((mark) => mark === undefined)) return undefined;
  if (!isList(reached, 1000) || !reached.every((m) => m === null || isMoment(m))) return undefined;
  if (!isMoment(at)) return undefined;
  return {
    scenario,
    commands: commands as TimedCommand[],
    starts: marks as StepMark[],
    reached: (reached as (Moment | null)[]).map((m) => (m === null ? null : moment(m))),
    at: moment(at as Moment),
  };
}

function isTimedCommand(value: unknown): boolean {
  if (!isRecord(value) || !isTime(value.atMs) || !isRecord(value.command)) return false;
  return (commandTypes as readonly unknown[]).includes(value.command.type);
}

function isMoment(value: unknown): value is Moment {
  return isRecord(value) && isTime(value.atMs) && isWhole(value.commands, 1e9);
}

/** A step's mark with its baseline, or undefined when it is damaged. */
function readStepMark(value: unknown): StepMark | undefined {
  if (!isMoment(value)) return undefined;
  const baseline = (value as Moment & { baseline?: unknown }).baseline;
  if (!isRecord(baseline)) return undefined;
  const { atStepStart, openBucketAtStart } = baseline;
  if (!isRecord(atStepStart)) return undefined;
  const { leaks, lostWrites, loggedOut, cacheNodeFailures } = atStepStart;
  if (![leaks, lostWrites, loggedOut, cacheNodeFailures].every((total) => isWhole(total, 1e9)))
    return undefined;
  // Rows the engine wrote; only their shape's outline is checked.
  const rowsFit =
    isList(openBucketAtStart, 50) &&
    openBucketAtStart.every(
      (row) =>
        isRecord(row) &&
        isTime(row.startMs) &&
        typeof row.tier === 'string' &&
        isRecord(row.missesByCause) &&
        Object.values(row.missesByCause).every((n) => typeof n === 'number'),
    );
  if (!rowsFit) return undefined;
  const totals = { leaks, lostWrites, loggedOut, cacheNodeFailures } as StepMark['baseline']['atStepStart'];
  return {
    ...moment(value),
    baseline: {
      atStepStart: totals,
      openBucketAtStart: openBucketAtStart as StepMark['baseline']['openBucketAtStart'],
    },
  };
}

function moment(m: Moment): Moment {
  return { atMs: m.atMs, commands: m.commands };
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1e12;
}

function isWhole(value: unknown, max: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= max;
}

function isList(value: unknown, max: number): value is unknown[] {
  return Array.isArray(value) && value.length <= max;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
