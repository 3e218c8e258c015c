import {
  failDatabase,
  failNode,
  purgeEverything,
  recoverDatabase,
  recoverNode,
  trafficSpike,
} from '../controls/faultCommands';
import { spikeInputs } from '../controls/spikeInputs.svelte';
import type { ShortcutRun, TimelineKeys } from './shortcutRun';

/**
 * One keyboard shortcut. `keys` are KeyboardEvent.key values (letters in lower case); `when` says
 * whether it applies now (a node that exists, a branch to restore). The `?` overlay lists the table.
 */
export interface Shortcut {
  keys: string[];
  label: string;
  group: string;
  run(): void;
  when?(): boolean;
  /** Runs again while the key is held (steps, seeks, speed); the others act once per press. */
  repeats?: boolean;
}

/** What the table acts on: the run (single or a comparison), the presenter view, the overlay, a field. */
export interface ShortcutTargets {
  run: ShortcutRun;
  presenter: { toggle(): void };
  toggleHelp(): void;
  leaveField(): void;
}

/** The cache nodes a digit reaches: 1 to 9. */
const digitNodes = 9;
/** How far J and L seek, simulated ms. */
export const seekStepMs = 5000;

/** The steps through the timeline, in the Playback group. */
function stepShortcuts(timeline: TimelineKeys): Shortcut[] {
  return [
    { keys: ['.'], label: 'Step one event', group: 'Playback', run: timeline.stepEvent, repeats: true },
    { keys: ['>'], label: 'Step one request', group: 'Playback', run: timeline.stepRequest, repeats: true },
    {
      keys: [','],
      label: 'Step back one event',
      group: 'Playback',
      run: () => timeline.stepBack('event'),
      repeats: true,
    },
    {
      keys: ['<'],
      label: 'Step back one request',
      group: 'Playback',
      run: () => timeline.stepBack('request'),
      repeats: true,
    },
  ];
}

/** Seeks, bookmarks and the branch set aside. */
function timelineShortcuts(timeline: TimelineKeys): Shortcut[] {
  return [
    {
      keys: ['j'],
      label: `Seek back ${seekStepMs / 1000} s`,
      group: 'Timeline',
      run: () => timeline.seekBy(-seekStepMs),
      repeats: true,
    },
    {
      keys: ['l'],
      label: `Seek forward ${seekStepMs / 1000} s`,
      group: 'Timeline',
      run: () => timeline.seekBy(seekStepMs),
      repeats: true,
    },
    { keys: ['b'], label: 'Bookmark this moment', group: 'Timeline', run: timeline.bookmark },
    {
      keys: ['r'],
      label: 'Restore the branch a change set aside',
      group: 'Timeline',
      when: timeline.hasBranch,
      run: timeline.restoreBranch,
    },
  ];
}

/**
 * Every shortcut, in the order the overlay lists them. Each runs the same state method with the
 * same command as its button, so the command log and the event log do not depend on which was used.
 * A run without a timeline (a comparison) has no steps, seeks or bookmarks: they are not in its table.
 *
 * @example
 * const table = createShortcuts({ run: singleRun(app), presenter: presenterMode, toggleHelp, leaveField });
 * table.find((s) => s.keys.includes('k'))?.run(); // plays or pauses
 */
export function createShortcuts({ run, presenter, toggleHelp, leaveField }: ShortcutTargets): Shortcut[] {
  const { controls, timeline } = run;
  const apply = (...commands: ReturnType<typeof failNode>[]) => commands.forEach((c) => controls.apply(c));

  const nodeShortcuts: Shortcut[] = Array.from({ length: digitNodes }, (_, i) => ({
    keys: [String(i + 1)],
    label: `Fail or recover cache node ${i + 1}`,
    group: 'Faults',
    when: () => i < run.nodeCount(),
    run: () => apply(run.isDown(`cache:${i}`) ? recoverNode(i) : failNode(i)),
  }));

  return [
    { keys: [' ', 'k'], label: 'Play or pause', group: 'Playback', run: controls.toggle },
    ...(timeline ? stepShortcuts(timeline) : []),
    {
      keys: ['-'],
      label: 'Slower (half the speed)',
      group: 'Playback',
      run: () => controls.setSpeed(controls.speed / 2),
      repeats: true,
    },
    {
      keys: ['+', '='],
      label: 'Faster (twice the speed)',
      group: 'Playback',
      run: () => controls.setSpeed(controls.speed * 2),
      repeats: true,
    },
    ...(timeline ? timelineShortcuts(timeline) : []),
    ...nodeShortcuts,
    {
      keys: ['d'],
      label: 'Fail or recover the database',
      group: 'Faults',
      run: () => (run.isDown('db') ? apply(...recoverDatabase()) : apply(failDatabase())),
    },
    {
      keys: ['s'],
      label: 'Traffic spike (as set in Faults)',
      group: 'Faults',
      run: () => apply(trafficSpike(spikeInputs.multiplier, spikeInputs.seconds)),
    },
    {
      keys: ['x'],
      label: 'Purge everything from every tier',
      group: 'Faults',
      run: () => apply(purgeEverything()),
    },
    { keys: ['p'], label: 'Presenter view on or off', group: 'View', run: () => presenter.toggle() },
    { keys: ['?'], label: 'Show or hide these shortcuts', group: 'View', run: toggleHelp },
    {
      keys: ['Escape'],
      label: 'Leave a text field, so the next key is a shortcut',
      group: 'View',
      run: leaveField,
    },
  ];
}

/** The keys the overlay prints as a keyboard labels them. */
const printedKeys: Record<string, string> = {
  ' ': 'Space',
  Escape: 'Esc',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
};

/** A key as the overlay prints it. */
export function keyName(key: string): string {
  return printedKeys[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

/** One line of the overlay: the keys (as printed) and what they do. */
export interface ShortcutRow {
  keys: string[];
  label: string;
}

/**
 * The overlay's lines for one group, every entry listed: entries that differ only in a trailing
 * number ("... cache node 1", "... cache node 2") share a line, "1–9 Fail or recover cache node N".
 */
export function shortcutRows(entries: readonly Shortcut[]): ShortcutRow[] {
  const rows: (ShortcutRow & { stem: string | null; last: string })[] = [];
  for (const entry of entries) {
    const numbered = /^(.*) (\d+)$/.exec(entry.label);
    const previous = rows[rows.length - 1];
    if (numbered && previous?.stem === numbered[1] && entry.keys.length === 1) {
      previous.last = keyName(entry.keys[0]);
      previous.keys = [`${previous.keys[0].split('–')[0]}–${previous.last}`];
      previous.label = `${numbered[1]} N`;
      continue;
    }
    rows.push({
      keys: entry.keys.map(keyName),
      label: entry.label,
      stem: numbered && entry.keys.length === 1 ? numbered[1] : null,
      last: '',
    });
  }
  return rows.map(({ keys, label }) => ({ keys, label }));
}

/** The shortcut a key press names, if any (letters match in either case). */
export function shortcutFor(table: readonly Shortcut[], key: string): Shortcut | undefined {
  const pressed = key.length === 1 ? key.toLowerCase() : key;
  return table.find((s) => s.keys.includes(pressed));
}
