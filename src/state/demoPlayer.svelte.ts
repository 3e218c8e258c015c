import type { Demo, DemoBeat } from '../engine/demos/demo';
import type { Command, TimedCommand } from '../engine/scenario/commandSchema';

/** What the demo player needs of the app: the run's clock and log, and the same actions the controls use. */
export interface DemoHost {
  readonly sim: {
    /** The run loaded (a new object for each load): another one means the demo's run was left. */
    readonly scenario: object | null;
    readonly nowMs: number;
    /** The run's command log as the worker last reported it. */
    readonly commands: readonly TimedCommand[];
  };
  /** A seek or a load is under way: what is shown is still from before it. */
  readonly rewinding: boolean;
  /** Loads an exported run `{ scenario, commands }` as JSON text (the import path of the app). */
  importText(text: string): void;
  apply(command: Command): void;
  play(): void;
  /** Rewinds (or replays forward) to toMs with the first commandCount commands of the log, paused there. */
  seek(toMs: number, commandCount: number): void;
}

/**
 * What the player waits for: the demo's run to load, the run to play up to a beat's moment, or the
 * worker's seek to a beat to finish.
 */
type Pending = { kind: 'load' } | { kind: 'play'; to: number } | { kind: 'seek'; to: number } | null;

/**
 * Plays a demo script beat by beat. Every beat is reached the same exact way, forward or back: a
 * seek through the worker to the beat's moment (the scenario replayed with the commands before it),
 * then the beat's commands, which the worker holds until the seek is done and applies at that moment.
 * Going forward, the run first plays up to the moment so the room sees it happen; the seek then
 * only trims the few milliseconds the last frame went past.
 */
export class DemoPlayer {
  demo = $state.raw<Demo | null>(null);
  /** The beat whose caption shows; -1 until the demo's run has loaded. */
  beatIndex = $state(-1);
  private pending = $state.raw<Pending>(null);
  /** The run the demo loaded; a preset, a lesson or a file loaded over it closes the demo. */
  private run: object | null = null;

  constructor(private readonly host: DemoHost) {}

  get open(): boolean {
    return this.demo !== null;
  }

  get beat(): DemoBeat | null {
    return this.demo?.beats[this.beatIndex] ?? null;
  }

  /** The player is taking the run to a beat (playing there or seeking): the caption is the next one's. */
  get moving(): boolean {
    return this.pending !== null;
  }

  get atLastBeat(): boolean {
    return this.demo !== null && this.beatIndex === this.demo.beats.length - 1;
  }

  /** Loads the demo's starting scenario; its first beat follows once the run is there. */
  start(demo: Demo): void {
    this.demo = demo;
    this.beatIndex = -1;
    this.pending = { kind: 'load' };
    this.host.importText(JSON.stringify({ scenario: demo.scenario, commands: [] }));
  }

  close(): void {
    this.demo = null;
    this.beatIndex = -1;
    this.pending = null;
    this.run = null;
  }

  /**
   * The clicker's next: play to the next beat's moment and stop there. Pressed again while the run
   * is on its way, it goes there at once. At the last beat, the run plays on to its end.
   */
  next(): void {
    const demo = this.demo;
    if (!demo || this.pending?.kind === 'load' || this.pending?.kind === 'seek') return;
    if (this.pending?.kind === 'play') {
      this.arrive(this.pending.to);
      return;
    }
    if (this.atLastBeat) {
      this.host.play();
      return;
    }
    const to = this.beatIndex + 1;
    if (this.host.sim.nowMs >= demo.beats[to].atMs) this.arrive(to);
    else {
      this.pending = { kind: 'play', to };
      this.host.play();
    }
  }

  /**
   * The clicker's back: the previous beat, exactly as it began. Once the run has gone on from the
   * beat on screen (on its way to the next, or played on by hand), back first returns to that beat's
   * own start, as a player's "previous track" does.
   */
  previous(): void {
    const to = this.previousBeat;
    if (to !== null) this.arrive(to);
  }

  /** The beat that back goes to, or null (nothing before, or a load or seek under way). */
  get previousBeat(): number | null {
    const beat = this.beat;
    if (!beat || this.pending?.kind === 'load' || this.pending?.kind === 'seek') return null;
    const movedOn = this.pending?.kind === 'play' || this.host.sim.nowMs > beat.atMs;
    const to = movedOn ? this.beatIndex : this.beatIndex - 1;
    return to >= 0 ? to : null;
  }

  /** Follows the run (called from an effect on each update): finishes a load, a play to a beat or a seek. */
  follow(): void {
    const pending = this.pending;
    if (this.host.rewinding) return;
    if (!pending) {
      if (this.demo && this.host.sim.scenario !== this.run) this.close();
      return;
    }
    if (pending.kind === 'load') {
      this.run = this.host.sim.scenario;
      this.arrive(0);
    } else if (pending.kind === 'seek') this.pending = null;
    else if (this.host.sim.nowMs >= this.demo!.beats[pending.to].atMs) this.arrive(pending.to);
  }

  private arrive(index: number): void {
    const beat = this.demo!.beats[index];
    // The log up to the beat, without anything stamped at its moment: the beat's own commands follow.
    const before = this.host.sim.commands.filter((c) => c.atMs < beat.atMs).length;
    this.host.seek(beat.atMs, before);
    for (const command of beat.commands) this.host.apply(command);
    this.beatIndex = index;
    this.pending = { kind: 'seek', to: index };
  }
}
