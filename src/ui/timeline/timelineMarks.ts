import type { TimedCommand } from '../../engine/scenario/commandSchema';
import { describeChange } from '../layout/describeChange';

/** What a mark on the timeline stands for. */
export type MarkKind = 'fault' | 'command' | 'bookmark' | 'branch';

/** One mark: everything of one kind at one moment, named as a person reads it. */
export interface TimelineMark {
  atMs: number;
  kind: MarkKind;
  name: string;
}

const kindWords: Record<MarkKind, string> = {
  fault: 'Scheduled fault',
  command: 'Change',
  bookmark: 'Bookmark',
  branch: 'Set aside',
};

/** Simulated ms as a clock: "1:23", "0:05", "1:02:03" (whole seconds, rounded down). */
export function formatMoment(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * The timeline's marks: the scenario's scheduled faults, the run's commands, the commands a fork set
 * aside and the bookmarks, within the run. Commands of one kind at one moment share a mark
 * (Recover database is two commands), named "Change at 0:12: cache node 1 fails".
 */
export function timelineMarks(run: {
  faults: readonly TimedCommand[];
  commands: readonly TimedCommand[];
  branch: readonly TimedCommand[];
  bookmarks: readonly number[];
  durationMs: number;
}): TimelineMark[] {
  const byMoment = new Map<string, { atMs: number; kind: MarkKind; changes: string[] }>();
  const add = (atMs: number, kind: MarkKind, change: string | null) => {
    if (atMs > run.durationMs) return;
    const key = `${kind}@${atMs}`;
    let mark = byMoment.get(key);
    if (!mark) byMoment.set(key, (mark = { atMs, kind, changes: [] }));
    if (change !== null) mark.changes.push(change);
  };
  for (const { atMs, command } of run.faults) add(atMs, 'fault', describeChange(command));
  for (const { atMs, command } of run.commands) add(atMs, 'command', describeChange(command));
  for (const { atMs, command } of run.branch) add(atMs, 'branch', describeChange(command));
  for (const atMs of run.bookmarks) add(atMs, 'bookmark', null);
  const marks = [...byMoment.values()].sort((a, b) => a.atMs - b.atMs);
  const shown: Gathered[] = marks.length > maxMarks ? binned(marks, run.durationMs) : marks;
  return shown.map(({ atMs, kind, changes, untilMs }) => ({
    atMs,
    kind,
    name:
      untilMs === undefined || untilMs === atMs
        ? `${kindWords[kind]} at ${formatMoment(atMs)}${changes.length > 0 ? `: ${changes.join('; ')}` : ''}`
        : `${changes.length} ${kindWords[kind].toLowerCase()}s from ${formatMoment(atMs)} to ${formatMoment(untilMs)}${listed(changes)}`,
  }));
}

/**
 * The most marks the rail shows one by one. A run with more (30,000 logged commands) would draw a
 * button per command and stall the page: its marks of a kind then share one per stretch of the run.
 */
const maxMarks = 240;

type Gathered = { atMs: number; kind: MarkKind; changes: string[]; untilMs?: number };

function binned(marks: Gathered[], durationMs: number): Gathered[] {
  const binMs = Math.max(1, durationMs / (maxMarks / 2));
  const bins = new Map<string, Gathered>();
  for (const mark of marks) {
    const key = `${mark.kind}@${Math.floor(mark.atMs / binMs)}`;
    const bin = bins.get(key);
    if (!bin) bins.set(key, { ...mark, changes: [...mark.changes], untilMs: mark.atMs });
    else {
      bin.changes.push(...mark.changes);
      bin.untilMs = mark.atMs;
    }
  }
  return [...bins.values()].sort((a, b) => a.atMs - b.atMs);
}

/** A stretch's changes: ": cache node 1 fails; …", the first three and how many more. */
function listed(changes: readonly string[]): string {
  if (changes.length === 0) return '';
  const first = changes.slice(0, 3).join('; ');
  return `: ${first}${changes.length > 3 ? ` and ${changes.length - 3} more` : ''}`;
}
