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
  const marks: { atMs: number; kind: MarkKind; changes: string[] }[] = [];
  const add = (atMs: number, kind: MarkKind, change: string | null) => {
    if (atMs > run.durationMs) return;
    let mark = marks.find((m) => m.atMs === atMs && m.kind === kind);
    if (!mark) marks.push((mark = { atMs, kind, changes: [] }));
    if (change !== null) mark.changes.push(change);
  };
  for (const { atMs, command } of run.faults) add(atMs, 'fault', describeChange(command));
  for (const { atMs, command } of run.commands) add(atMs, 'command', describeChange(command));
  for (const { atMs, command } of run.branch) add(atMs, 'branch', describeChange(command));
  for (const atMs of run.bookmarks) add(atMs, 'bookmark', null);
  return marks
    .sort((a, b) => a.atMs - b.atMs)
    .map(({ atMs, kind, changes }) => ({
      atMs,
      kind,
      name: `${kindWords[kind]} at ${formatMoment(atMs)}${changes.length > 0 ? `: ${changes.join('; ')}` : ''}`,
    }));
}
