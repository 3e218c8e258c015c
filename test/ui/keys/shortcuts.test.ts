// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parseScenario';
import type { Snapshot } from '../../../src/engine/snapshot';
import { AppState } from '../../../src/state/appState.svelte';
import { ComparisonState } from '../../../src/state/comparison.svelte';
import FaultControls from '../../../src/ui/controls/FaultControls.svelte';
import { comparisonRun, singleRun } from '../../../src/ui/keys/shortcutRun';
import {
  createShortcuts,
  keyName,
  shortcutFor,
  shortcutRows,
  type Shortcut,
} from '../../../src/ui/keys/shortcuts';
import type { FromComparison, ToComparison } from '../../../src/worker/comparisonProtocol';
import type { FromWorker, ToWorker } from '../../../src/worker/protocol';

const scenario = parseScenario({ version: 1, seed: 3, topology: { distributed: { nodes: 3 } } });

/** A snapshot with these components (`cache:1`, `db`), those in `down` shown down. */
function snapshotWith(ids: string[], down: string[]): Snapshot {
  const node = (id: string) => ({
    id,
    kind: (id === 'db' ? 'db' : 'cache') as Snapshot['nodes'][number]['kind'],
    label: id,
    state: (down.includes(id) ? 'down' : 'up') as Snapshot['nodes'][number]['state'],
    busy: 0,
    queued: 0,
    cache: null,
  });
  return { nowMs: 0, nodes: ids.map(node), edges: [], caches: [] };
}

/** Whether a key names a shortcut of the table that applies now. */
function availableIn(table: readonly Shortcut[], key: string): boolean {
  const shortcut = shortcutFor(table, key);
  return shortcut !== undefined && (shortcut.when?.() ?? true);
}

/** Presses a key as the handler does: only a shortcut that applies now runs. */
const pressIn = (table: readonly Shortcut[]) => (key: string) => {
  if (!availableIn(table, key)) throw new Error(`no shortcut for ${key} here`);
  shortcutFor(table, key)!.run();
};

/** The table's other targets, as spies. */
function targets() {
  return { presenter: { toggle: vi.fn() }, toggleHelp: vi.fn(), leaveField: vi.fn() };
}

/** An app over a fake worker, loaded and paused at 0, with node 2 and the database shown down or up. */
function setup(down: string[] = []) {
  const sent: ToWorker[] = [];
  let deliver: (message: FromWorker) => void = () => {};
  const app = new AppState({ post: (m) => sent.push(m), listen: (h) => (deliver = h) });
  deliver({ type: 'loaded', scenario, commands: [], preset: null });
  app.sim.snapshot = snapshotWith(['cache:1', 'db'], down);
  const { presenter, toggleHelp, leaveField } = targets();
  const table = createShortcuts({ run: singleRun(app), presenter, toggleHelp, leaveField });
  const commands = () => sent.flatMap((m) => (m.type === 'command' ? [m.command] : []));
  return { app, sent, table, commands, press: pressIn(table), presenter, toggleHelp };
}

describe('the shortcut table', () => {
  it('binds no key twice, and every entry has a label and a group', () => {
    const { table } = setup();
    const keys = table.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const shortcut of table) {
      expect(shortcut.label.trim()).not.toBe('');
      expect(shortcut.group.trim()).not.toBe('');
      expect(shortcut.keys.length).toBeGreaterThan(0);
    }
  });

  it('prints keys as a keyboard labels them: Space, Esc, the arrows, letters in capitals', () => {
    expect([' ', 'Escape', 'ArrowRight', 'ArrowLeft', 'k', 'PageDown', '?'].map(keyName)).toEqual([
      'Space',
      'Esc',
      '→',
      '←',
      'K',
      'PageDown',
      '?',
    ]);
  });

  it('leaves the demo player its clicker keys, and the browser its own', () => {
    const { table } = setup();
    for (const key of ['PageUp', 'PageDown', 'Tab', 'Enter', 'ArrowLeft', 'ArrowRight']) {
      expect(shortcutFor(table, key)).toBeUndefined();
    }
  });

  it('covers every action of the scheme', () => {
    const { table } = setup();
    const labels = table.map((s) => s.label).join('\n');
    for (const action of [
      'Play or pause',
      'Step one event',
      'Step one request',
      'Step back one event',
      'Step back one request',
      'Slower',
      'Faster',
      'Fail or recover cache node 1',
      'Fail or recover the database',
      'Traffic spike',
      'Purge everything',
      'Seek back',
      'Seek forward',
      'Bookmark',
      'Presenter view',
      'Restore the branch',
      'Show or hide these shortcuts',
      'Leave a text field',
    ]) {
      expect(labels).toContain(action);
    }
  });

  it('matches letters in either case', () => {
    const { table } = setup();
    expect(shortcutFor(table, 'K')).toBe(shortcutFor(table, 'k'));
  });

  it('lists the digits on one line in the overlay, every other entry on its own', () => {
    const { table } = setup();
    const rows = shortcutRows(table.filter((s) => s.group === 'Faults'));
    expect(rows[0]).toEqual({ keys: ['1–9'], label: 'Fail or recover cache node N' });
    expect(rows.slice(1).map((r) => r.keys)).toEqual([['D'], ['S'], ['X']]);
  });

  it('offers node N only when the run has that many cache nodes, and Restore only with a branch', () => {
    const { table, app } = setup();
    const when = (key: string) => (shortcutFor(table, key) as Shortcut).when?.() ?? true;
    expect([when('1'), when('3'), when('4')]).toEqual([true, true, false]);
    expect(when('r')).toBe(false);
    app.timeline.branch = { atMs: 0, prefixCount: 0, commands: [] };
    expect(when('r')).toBe(true);
  });

  it('fails a node that is up and recovers one that is down, as the buttons do', () => {
    const { press, commands } = setup(['cache:1', 'db']);
    press('1');
    press('2');
    press('d');
    expect(commands()).toEqual([
      { type: 'node.fail', node: 0 },
      { type: 'node.recover', node: 1 },
      { type: 'database.slow', factor: 1 },
      { type: 'database.recover' },
    ]);
  });

  it('sends the commands the Faults buttons send, through the same app method', async () => {
    const byKeys = setup();
    for (const key of ['1', 'd', 's', 'x']) byKeys.press(key);
    const byButtons = setup();
    render(FaultControls, { settings: scenario, onapply: byButtons.app.apply });
    await fireEvent.click(screen.getByRole('button', { name: 'Fail node 1' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Fail database' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Traffic spike' }));
    byButtons.app.apply({ type: 'purge', tier: 'all', match: { kind: 'all' } });
    expect(byKeys.commands()).toEqual(byButtons.commands());
    expect(byKeys.commands()).toHaveLength(4);
  });

  it('drives playback, speed, the timeline, the presenter view and the overlay', () => {
    const { press, sent, app, presenter, toggleHelp } = setup();
    press('.');
    press('>');
    press('+');
    expect(app.speed).toBe(2);
    press('-');
    press('-');
    expect(app.speed).toBe(0.5);
    press('b');
    expect(app.timeline.bookmarks).toEqual([0]);
    press('p');
    press('?');
    expect(presenter.toggle).toHaveBeenCalledOnce();
    expect(toggleHelp).toHaveBeenCalledOnce();
    press(',');
    expect(sent.filter((m) => m.type !== 'speed').map((m) => m.type)).toEqual([
      'step.event',
      'step.request',
      'step.back',
    ]);
    press(' ');
    expect(app.playback).toBe('playing');
  });
});

/**
 * A comparison over a fake worker: "This run" with 3 cache nodes and "Five nodes" with 5, loaded at
 * 0; the snapshots show the components in `down` down (in the first variant only, or in both).
 */
function setupComparison(down: { first?: string[]; second?: string[] } = {}) {
  const sent: ToComparison[] = [];
  let deliver: (message: FromComparison) => void = () => {};
  const comparison = new ComparisonState(() => ({
    post: (m) => sent.push(m),
    listen: (h) => (deliver = h),
    close: () => {},
  }));
  const bigger = parseScenario({ version: 1, seed: 3, topology: { distributed: { nodes: 5 } } });
  comparison.open(scenario, []);
  deliver({
    type: 'compare.loaded',
    scenario,
    variants: [
      { name: 'This run', changes: [], scenario },
      { name: 'Five nodes', changes: [{ path: 'tiers.distributed.nodes', value: '5' }], scenario: bigger },
    ],
    commands: [],
    atMs: 0,
  });
  comparison.sims[0].snapshot = snapshotWith(['cache:0', 'cache:1', 'cache:2', 'db'], down.first ?? []);
  comparison.sims[1].snapshot = snapshotWith(
    ['cache:0', 'cache:1', 'cache:2', 'cache:3', 'cache:4', 'db'],
    down.second ?? [],
  );
  const spies = targets();
  const table = createShortcuts({ run: comparisonRun(comparison), ...spies });
  const available = (key: string) => availableIn(table, key);
  const commands = () => sent.flatMap((m) => (m.type === 'command' ? [m.command] : []));
  return { comparison, sent, table, available, press: pressIn(table), commands, ...spies };
}

describe('the shortcut table in a comparison', () => {
  it('plays and pauses every variant with Space or K, and changes their one speed', () => {
    const { comparison, press, sent } = setupComparison();
    press(' ');
    expect(comparison.playback).toBe('playing');
    expect(sent.at(-1)).toEqual({ type: 'play' });
    press('k');
    expect(comparison.playback).toBe('paused');
    expect(sent.at(-1)).toEqual({ type: 'pause' });
    press('+');
    press('=');
    expect(comparison.speed).toBe(4);
    press('-');
    expect(comparison.speed).toBe(2);
    expect(sent.at(-1)).toEqual({ type: 'speed', speed: 2 });
  });

  it('sends the faults and the purge to the comparison, the commands the buttons send', () => {
    const { press, commands } = setupComparison();
    for (const key of ['s', 'x', 'd', '2']) press(key);
    expect(commands()).toEqual([
      { type: 'traffic.spike', multiplier: 5, durationMs: 10_000 },
      { type: 'purge', tier: 'all', match: { kind: 'all' } },
      { type: 'database.fail' },
      { type: 'node.fail', node: 1 },
    ]);
  });

  it('reaches the nodes of the variant with the most, shown down as the first variant that has them', () => {
    const { available, press, commands } = setupComparison({
      first: ['cache:0', 'db'],
      second: ['cache:4'],
    });
    expect([1, 3, 4, 5, 6].map((n) => available(String(n)))).toEqual([true, true, true, true, false]);
    press('1');
    press('5');
    press('4');
    press('d');
    expect(commands()).toEqual([
      { type: 'node.recover', node: 0 },
      { type: 'node.recover', node: 4 },
      { type: 'node.fail', node: 3 },
      { type: 'database.slow', factor: 1 },
      { type: 'database.recover' },
    ]);
  });

  it('has no steps, seeks, bookmarks or branch to restore, and the overlay does not list them', () => {
    const { table, available } = setupComparison();
    for (const key of ['.', '>', ',', '<', 'j', 'l', 'b', 'r']) expect(available(key), key).toBe(false);
    const labels = table.map((s) => s.label).join('\n');
    for (const gone of ['Step', 'Seek', 'Bookmark', 'Restore']) expect(labels).not.toContain(gone);
    expect(table.map((s) => s.group)).not.toContain('Timeline');
  });

  it('keeps the presenter view, the overlay and leaving a field', () => {
    const { press, presenter, toggleHelp, leaveField } = setupComparison();
    press('p');
    press('?');
    press('Escape');
    expect(presenter.toggle).toHaveBeenCalledOnce();
    expect(toggleHelp).toHaveBeenCalledOnce();
    expect(leaveField).toHaveBeenCalledOnce();
  });
});
