// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../../src/engine/scenario/parseScenario';
import type { Snapshot } from '../../../src/engine/snapshot';
import { AppState } from '../../../src/state/appState.svelte';
import FaultControls from '../../../src/ui/controls/FaultControls.svelte';
import { createShortcuts, shortcutFor, shortcutRows, type Shortcut } from '../../../src/ui/keys/shortcuts';
import type { FromWorker, ToWorker } from '../../../src/worker/protocol';

const scenario = parseScenario({ version: 1, seed: 3, topology: { distributed: { nodes: 3 } } });

/** An app over a fake worker, loaded and paused at 0, with node 2 and the database shown down or up. */
function setup(down: string[] = []) {
  const sent: ToWorker[] = [];
  let deliver: (message: FromWorker) => void = () => {};
  const app = new AppState({ post: (m) => sent.push(m), listen: (h) => (deliver = h) });
  deliver({ type: 'loaded', scenario, commands: [], preset: null });
  const node = (id: string, kind: Snapshot['nodes'][number]['kind']) => ({
    id,
    kind,
    label: id,
    state: down.includes(id) ? 'down' : 'up',
    busy: 0,
    queued: 0,
    cache: null,
  });
  app.sim.snapshot = { nowMs: 0, nodes: [node('cache:1', 'cache'), node('db', 'db')], edges: [], caches: [] };
  const presenter = { toggle: vi.fn() };
  const toggleHelp = vi.fn();
  const leaveField = vi.fn();
  const table = createShortcuts({ app, presenter, toggleHelp, leaveField });
  const commands = () => sent.flatMap((m) => (m.type === 'command' ? [m.command] : []));
  const press = (key: string) => {
    const shortcut = shortcutFor(table, key);
    if (!shortcut) throw new Error(`no shortcut for ${key}`);
    shortcut.run();
  };
  return { app, sent, table, commands, press, presenter, toggleHelp };
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
