import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDemo } from '../../src/engine/demos/index';
import type { Command, TimedCommand } from '../../src/engine/scenario/commandSchema';
import { DemoPlayer, type DemoHost } from '../../src/state/demoPlayer.svelte';

const demo = parseDemo(readFileSync('demos/02-write-policies.md', 'utf8'), 'demos/02-write-policies.md');

/** A host that records what the player asks, with a clock and a log the test moves as the worker would. */
function fakeHost() {
  const calls: string[] = [];
  const host = {
    sim: { scenario: null as object | null, nowMs: 0, commands: [] as TimedCommand[] },
    rewinding: false as boolean,
    importText: () => {
      calls.push('load');
      host.sim.scenario = {};
      host.rewinding = true;
    },
    apply: (command: Command) => {
      calls.push(`apply ${command.type}`);
      host.sim.commands.push({ atMs: host.sim.nowMs, command });
    },
    play: () => calls.push('play'),
    seek: (toMs: number, commandCount: number) => {
      calls.push(`seek ${toMs} keeping ${commandCount}`);
      host.sim.nowMs = toMs;
      host.sim.commands = host.sim.commands.filter((c) => c.atMs <= toMs).slice(0, commandCount);
      host.rewinding = true;
    },
  } satisfies DemoHost;
  /** The worker answers what was asked. */
  const settle = (player: DemoPlayer) => {
    host.rewinding = false;
    player.follow();
  };
  return { host, calls, settle };
}

/** Next, and Next again on the way: the player goes to the next beat at once. */
function nextAtOnce(player: DemoPlayer, settle: (player: DemoPlayer) => void) {
  player.next();
  player.next();
  settle(player);
}

describe('DemoPlayer', () => {
  it('loads the demo, then reaches each beat by playing to its moment and seeking there exactly, with its commands', () => {
    const { host, calls, settle } = fakeHost();
    const player = new DemoPlayer(host);
    player.start(demo);
    expect(player.beat).toBeNull();
    settle(player);
    settle(player);
    expect(player.beatIndex).toBe(0);
    expect(player.moving).toBe(false);

    calls.length = 0;
    player.next();
    expect(calls).toEqual(['play']);
    expect(player.moving).toBe(true);
    host.sim.nowMs = 5_000;
    player.follow();
    expect(player.beatIndex).toBe(0);
    // The frame went past the moment: the seek takes the run back to it, exactly.
    host.sim.nowMs = 6_240;
    player.follow();
    expect(calls).toEqual(['play', 'seek 6000 keeping 0', 'apply policies.set']);
    expect(player.beatIndex).toBe(1);
    expect(player.moving).toBe(true);
    settle(player);
    expect(player.moving).toBe(false);
  });

  it('goes there at once when Next is pressed again on the way, and back to the previous beat without its own commands', () => {
    const { host, calls, settle } = fakeHost();
    const player = new DemoPlayer(host);
    player.start(demo);
    settle(player);
    settle(player);
    nextAtOnce(player, settle);
    expect(player.beatIndex).toBe(1);
    nextAtOnce(player, settle);
    expect(player.beatIndex).toBe(2);
    expect(host.sim.commands.map((c) => [c.atMs, c.command.type])).toEqual([
      [6000, 'policies.set'],
      [14000, 'policies.set'],
      [14000, 'purge'],
    ]);

    calls.length = 0;
    player.previous();
    expect(calls).toEqual(['seek 6000 keeping 0', 'apply policies.set']);
    settle(player);
    expect(player.beatIndex).toBe(1);
    expect(host.sim.commands).toHaveLength(1);
  });

  it('returns to the start of the beat on screen when the run has gone on from it, and plays on after the last', () => {
    const { host, calls, settle } = fakeHost();
    const player = new DemoPlayer(host);
    player.start(demo);
    settle(player);
    settle(player);
    for (let i = 1; i < demo.beats.length; i++) nextAtOnce(player, settle);
    expect(player.atLastBeat).toBe(true);
    calls.length = 0;
    player.next();
    expect(calls).toEqual(['play']);
    host.sim.nowMs = 30_000;
    expect(player.previousBeat).toBe(3);
    player.previous();
    expect(calls).toEqual(['play', 'seek 22000 keeping 3']);
    settle(player);
    expect(player.previousBeat).toBe(2);
  });

  it('closes when another run is loaded over the demo (a preset, a lesson, a file)', () => {
    const { host, settle } = fakeHost();
    const player = new DemoPlayer(host);
    player.start(demo);
    settle(player);
    settle(player);
    player.follow();
    expect(player.open).toBe(true);
    host.sim.scenario = {};
    player.follow();
    expect(player.open).toBe(false);
  });
});
