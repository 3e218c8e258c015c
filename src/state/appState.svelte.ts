import type { Actor } from 'xstate';
import { commandSchedule, foldCommands } from '../engine/commands/foldCommands';
import type { Command, TimedCommand } from '../engine/scenario/commandSchema';
import type { Scenario } from '../engine/scenario/schema';
import { clampSpeed, type playbackMachine } from '../machines/playback';
import { startPlayback } from './playbackActor';
import type {
  EventsEstimate,
  ExportedFile,
  ExportFile,
  FromWorker,
  PresetInfo,
  SeekLater,
  StepUnit,
  TimeWindow,
  ToWorker,
} from '../worker/protocol';
import { commandsAfter, RunTimeline } from './runTimeline.svelte';
import { decodeShareLink, encodeShareLink } from './shareLink';
import { SimStore } from './simStore.svelte';
import { readTraceFile } from './traceFile';

/** The two ends of the worker as the app uses them; tests pass a fake. */
export interface WorkerPort {
  post(message: ToWorker): void;
  listen(handler: (message: FromWorker) => void): void;
}

/** A message for the person: what went wrong, each problem on its own line. */
export interface Notice {
  kind: 'error' | 'info';
  message: string;
  problems: string[];
  /** What became of the run, after the problems; an error says "Your current run is unchanged." without it. */
  outcome?: string;
}

/** A reply the app waits for from the worker: an export or an estimate. */
interface Pending<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

export type PlaybackState = 'idle' | 'paused' | 'playing' | 'finished';

/**
 * The app's state: the run (SimStore), playback (the XState machine, which drives the worker), the
 * presets, the live settings, notices and exports. Components call its methods; it posts to the
 * worker and turns the worker's answers into state.
 */
export class AppState {
  readonly sim = new SimStore();
  /** Bookmarks and the branch a fork set aside. */
  readonly timeline = new RunTimeline();
  presets = $state.raw<PresetInfo[]>([]);
  /** The preset of the run, when the run is that preset unchanged at load. */
  preset = $state<string | null>(null);
  playback = $state<PlaybackState>('idle');
  speed = $state(1);
  fastForward = $state(false);
  /**
   * A seek or a load was asked for and the worker has not finished it: what is shown is still from
   * before.
   */
  rewinding = $state(false);
  notice = $state.raw<Notice | null>(null);
  /** The file the worker is making, or null: the export buttons wait while it is set. */
  exporting = $state<ExportFile | null>(null);
  /** Rows of the event log made so far, while it is being made (null otherwise). */
  exportedRows = $state<number | null>(null);

  /**
   * Everything the run applies at set times, in the engine's order: the scenario's faults within the
   * run and the command log.
   */
  private schedule: TimedCommand[] = $derived.by(() => {
    const scenario = this.sim.scenario;
    if (!scenario) return [];
    return commandSchedule(scenario, this.sim.commands).filter((c) => c.atMs <= scenario.durationMs);
  });

  /**
   * How many scheduled commands have applied at the simulated time on screen (the engine runs one
   * once every event of its moment has run). A number, so that what depends on it is worked out again
   * only when it changes, not on every frame.
   */
  private appliedCount = $derived.by(() => {
    const now = this.sim.nowMs;
    let count = 0;
    while (count < this.schedule.length && this.schedule[count].atMs <= now) count++;
    return count;
  });

  /**
   * What the controls show: the settings in effect at the simulated time on screen, from the same
   * fold of the commands that the engine applies (a command stamped later has not happened yet).
   */
  settings: Scenario | null = $derived.by(() => {
    const scenario = this.sim.scenario;
    if (!scenario) return null;
    const last = this.schedule[this.appliedCount - 1];
    return foldCommands(scenario, this.sim.commands, last ? last.atMs : -1);
  });

  /** The scheduled commands still ahead of the simulated time, in the order they will apply. */
  scheduled: TimedCommand[] = $derived(this.schedule.slice(this.appliedCount));

  /** The app opened on a share link's run (a lesson left open is then not resumed over it). */
  startedFromLink = false;

  /** Loaded when nothing else could be (a share link whose run is not valid). */
  private defaultPreset: string | null = null;
  private readonly actor: Actor<typeof playbackMachine>;
  private requestId = 0;
  /** Loads posted that the worker has not answered yet (with 'loaded' or an error). */
  private loadsPending = 0;
  /** Where the timeline asked to go while a seek was still under way: the newest wins. */
  private queuedTravel = $state<number | null>(null);
  /**
   * The run was sought back with its later commands kept (the timeline, a step back, a restored
   * branch): a change now forks it. A run opened with later commands (a share link) plays them.
   */
  private forkOnChange = false;
  /** Where the timeline's last seek went. */
  private travelledTo = $state<number | null>(null);
  // Bookkeeping for replies, never rendered: plain Maps on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private pendingExports = new Map<number, Pending<ExportedFile>>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private pendingEstimates = new Map<number, Pending<EventsEstimate>>();

  constructor(private readonly port: WorkerPort) {
    const post = (message: ToWorker) => () => port.post(message);
    this.actor = startPlayback(
      {
        sendPlay: post({ type: 'play' }),
        sendPause: post({ type: 'pause' }),
        sendStepEvent: post({ type: 'step.event' }),
        sendStepRequest: post({ type: 'step.request' }),
        sendRunEnd: post({ type: 'run.end' }),
        sendReset: post({ type: 'reset' }),
        sendSeek: (_, params) => port.post({ type: 'seek', ...params }),
        sendStepBack: (_, params) => port.post({ type: 'step.back', unit: params.unit }),
        sendSpeed: (_, params) => port.post({ type: 'speed', speed: params.speed }),
      },
      this,
    );
    port.listen((message) => this.receive(message));
  }

  private receive(message: FromWorker): void {
    if (this.sim.receive(message)) {
      this.port.post({ type: 'frame.ack' });
      // A frame the worker sent before it took a seek or a load asked for is history: the run it
      // finished is being replaced, and the rewound run must not be shown as finished.
      if (message.type === 'frame' && message.finished && this.playback !== 'finished' && !this.rewinding) {
        this.actor.send({ type: 'run.finished' });
      }
      return;
    }
    switch (message.type) {
      case 'presets':
        this.presets = message.presets;
        // A notice written before the presets came names the default preset by its title now.
        if (this.notice?.outcome === this.defaultLoaded(false)) {
          this.notice = { ...this.notice, outcome: this.defaultLoaded() };
        }
        return;
      case 'seeked':
        this.rewinding = this.loadsPending > 0;
        if (this.queuedTravel !== null) {
          const toMs = this.queuedTravel;
          this.queuedTravel = null;
          this.travel(toMs);
        }
        return;
      case 'loaded':
        this.loadsPending = Math.max(0, this.loadsPending - 1);
        this.rewinding = this.loadsPending > 0;
        this.abandonExports('A new run was loaded before the file was ready: export again from this run.');
        this.preset = message.preset;
        this.actor.send({ type: 'run.loaded' });
        // The worker keeps its speed across runs; say it again in case it restarted.
        this.port.post({ type: 'speed', speed: this.speed });
        return;
      case 'exported':
        this.settleExport(message.requestId)?.resolve(message);
        return;
      case 'export.progress':
        if (this.pendingExports.has(message.requestId)) this.exportedRows = message.rows;
        return;
      case 'export.failed':
        this.notice = { kind: 'error', message: message.message, problems: [] };
        this.settleExport(message.requestId)?.reject(new Error(message.message));
        return;
      case 'events.estimated': {
        const pending = this.pendingEstimates.get(message.requestId);
        this.pendingEstimates.delete(message.requestId);
        pending?.resolve(message);
        return;
      }
      case 'error':
        this.notice = { kind: 'error', message: message.message, problems: message.problems };
        if (!message.input) {
          this.loadsPending = 0;
          this.rewinding = false;
          this.abandonExports(message.message);
          this.actor.send({ type: 'run.stopped' });
          return;
        }
        // A load the worker refused: the run before it goes on.
        this.loadsPending = Math.max(0, this.loadsPending - 1);
        this.rewinding = this.loadsPending > 0;
        if (!this.sim.scenario && this.defaultPreset) {
          this.notice = { ...this.notice, outcome: this.defaultLoaded() };
          this.loadPreset(this.defaultPreset);
        }
        return;
    }
  }

  /** Opens the run in the page's share link, or the default preset when there is none or it is bad. */
  start = (hash: string, defaultPreset: string) => {
    this.defaultPreset = defaultPreset;
    this.startedFromLink = this.openShareLink(hash);
    if (!this.startedFromLink) this.loadPreset(defaultPreset);
  };

  /**
   * The moment the timeline shows: where its seek is going while one is under way (so that a held
   * key or a drag moves on from there), else the simulated time on screen.
   */
  get momentMs(): number {
    if (!this.rewinding || this.travelledTo === null) return this.sim.nowMs;
    return this.queuedTravel ?? this.travelledTo;
  }

  /** Playing at the chosen speed: not paused, not fast-forwarding to the end. */
  get playingAtSpeed(): boolean {
    return this.playback === 'playing' && !this.fastForward;
  }

  play = () => this.actor.send({ type: 'play' });
  pause = () => this.actor.send({ type: 'pause' });
  toggle = () => this.actor.send({ type: 'toggle' });
  stepEvent = () => this.actor.send({ type: 'step.event' });
  stepRequest = () => this.actor.send({ type: 'step.request' });
  runToEnd = () => this.actor.send({ type: 'run.end' });
  reset = () => {
    // The run starts over with no commands: a branch of the old log has nothing to join.
    this.timeline.branch = null;
    this.forkOnChange = false;
    this.actor.send({ type: 'reset' });
  };
  /**
   * Rewinds the run to toMs and pauses there: the worker replays the scenario with the commands
   * stamped up to then (the first `commandCount` of them when given, to leave out those applied at
   * toMs itself). The commands after that point are dropped, unless `later` is 'keep': then they
   * stay the run's future.
   */
  seek = (toMs: number, commandCount?: number, later?: SeekLater) => {
    if (this.playback === 'idle') return;
    this.rewinding = true;
    this.travelledTo = null;
    this.actor.send({ type: 'seek', toMs, commandCount, ...(later ? { later } : {}) });
  };
  /**
   * The timeline's seek, back or forward, keeping every command. While a seek is under way only the
   * newest target waits, so dragging the scrubber never queues a replay per pixel.
   */
  travel = (toMs: number) => {
    if (this.rewinding) {
      this.queuedTravel = toMs;
      return;
    }
    this.seek(toMs, undefined, 'keep');
    if (this.playback === 'idle') return;
    this.travelledTo = toMs;
    this.forkOnChange = true;
  };
  /** From a pause (or pausing first): back one event, or to one completed request fewer. */
  stepBack = (unit: StepUnit) => {
    if (this.playback === 'idle') return;
    this.rewinding = true;
    this.travelledTo = null;
    this.forkOnChange = true;
    this.actor.send({ type: 'step.back', unit });
  };
  setSpeed = (speed: number) => this.actor.send({ type: 'speed.set', speed: clampSpeed(speed) });

  loadPreset = (name: string) => {
    this.forgetMoments();
    this.postLoad({ type: 'load.preset', name });
  };

  /**
   * Plays a trace file's requests through the current run's topology (docs/traces.md). A file that
   * cannot be read, or a trace that cannot play, is a notice naming why, and the run goes on.
   */
  playTrace = async (file: File) => {
    let text: string;
    try {
      text = await readTraceFile(file);
    } catch (error) {
      this.tell({ kind: 'error', message: (error as Error).message, problems: [] });
      return;
    }
    this.forgetMoments();
    this.postLoad({ type: 'load.trace', text, name: file.name });
  };

  private postLoad(
    message: Extract<ToWorker, { type: 'load' | 'load.preset' | 'import' | 'load.trace' }>,
  ): void {
    this.loadsPending++;
    this.rewinding = true;
    this.port.post(message);
  }

  /**
   * Applies a change now, at the engine's current simulated time. After seeking back, the run still
   * holds its later commands: a change forks it, setting them aside as the branch, and the worker
   * replays to now without them before the change applies (and plays on if it was playing).
   */
  apply = (command: Command) => {
    const later = this.forkOnChange ? commandsAfter(this.sim.commands, this.sim.nowMs) : [];
    if (later.length > 0 && this.playback !== 'idle') {
      const atMs = this.sim.nowMs;
      const prefixCount = this.sim.commands.length - later.length;
      const wasPlaying = this.playingAtSpeed;
      this.timeline.branch = { atMs, prefixCount, commands: later };
      this.seek(atMs, prefixCount);
      this.port.post({ type: 'command', command });
      if (wasPlaying) this.play();
      return;
    }
    this.port.post({ type: 'command', command });
  };

  /**
   * Brings the branch back: the run becomes its commands before the fork and the branch, and opens
   * at the fork's moment with all of them kept. What was done since the fork becomes the branch in
   * turn, so a second restore goes back to it.
   */
  restoreBranch = () => {
    const branch = this.timeline.branch;
    const scenario = this.sim.scenario;
    if (!branch || !scenario || this.playback === 'idle') return;
    const prefix = this.sim.commands.slice(0, branch.prefixCount);
    const sinceFork = this.sim.commands.slice(branch.prefixCount);
    this.timeline.branch = sinceFork.length > 0 ? { ...branch, commands: sinceFork } : null;
    this.postLoad({
      type: 'load',
      scenario,
      commands: [...prefix, ...branch.commands],
      ...this.traceKept(),
    });
    this.seek(branch.atMs, undefined, 'keep');
    this.forkOnChange = true;
  };

  /**
   * Starts the run over from the current settings changed by `change`: for options that exist only
   * when a run is created (clients, app servers, cache nodes).
   */
  restartWith = (change: (settings: Scenario) => void) => {
    if (!this.settings) return;
    const next = structuredClone(this.settings);
    change(next);
    this.forgetMoments();
    this.postLoad({ type: 'load', scenario: next, ...this.traceKept() });
  };

  /** Loads an exported run or a scenario from JSON text; a bad one leaves the current run as it is. */
  importText = (text: string, source: 'file' | 'share link' = 'file') => {
    this.forgetMoments();
    // A share link opens at the moment it was made; a run file opens at its start, as before.
    this.postLoad({
      type: 'import',
      text,
      source,
      ...(source === 'share link' ? { openAtMoment: true } : {}),
    });
  };

  /**
   * Restores the run in a share link hash. Returns false when the hash holds no run; a damaged link
   * becomes a notice and the current run goes on.
   */
  openShareLink = (hash: string): boolean => {
    let text: string | null;
    try {
      text = decodeShareLink(hash);
    } catch (error) {
      const fresh = !this.sim.scenario && this.defaultPreset !== null;
      this.notice = {
        kind: 'error',
        message: (error as Error).message,
        problems: [],
        ...(fresh ? { outcome: this.defaultLoaded() } : {}),
      };
      return false;
    }
    if (text === null) return false;
    this.importText(text, 'share link');
    return true;
  };

  /**
   * The hash of a link that replays this run (scenario and every command, those after the moment
   * too) and opens paused at the moment on screen.
   */
  shareHash(): string | null {
    const { scenario, commands, nowMs } = this.sim;
    return scenario ? encodeShareLink({ scenario, commands, atMs: nowMs }) : null;
  }

  /**
   * One file of the run, replayed by the worker up to the current simulated time (the event log
   * within `window` when given). Rejects with a message a person can act on when the file cannot be
   * made, or when another run is loaded first; `exporting` names the file meanwhile.
   */
  requestExport = (file: ExportFile, window?: TimeWindow): Promise<ExportedFile> =>
    new Promise((resolve, reject) => {
      const requestId = ++this.requestId;
      this.pendingExports.set(requestId, { resolve, reject });
      this.exporting = file;
      this.port.post({ type: 'export', requestId, file, ...(window ? { window } : {}) });
    });

  /** How large the event log of the run so far is, counted as it ran (nothing is made). */
  estimateEvents = (): Promise<EventsEstimate> =>
    new Promise((resolve, reject) => {
      const requestId = ++this.requestId;
      this.pendingEstimates.set(requestId, { resolve, reject });
      this.port.post({ type: 'events.estimate', requestId });
    });

  /** Takes a pending export off the list; the buttons come back once none is left. */
  private settleExport(requestId: number): Pending<ExportedFile> | undefined {
    const pending = this.pendingExports.get(requestId);
    this.pendingExports.delete(requestId);
    if (this.pendingExports.size === 0) {
      this.exporting = null;
      this.exportedRows = null;
    }
    return pending;
  }

  /** Every export still waiting fails with `reason`: its run is gone or the worker stopped. */
  private abandonExports(reason: string): void {
    const waiting = [...this.pendingExports.values(), ...this.pendingEstimates.values()];
    this.pendingExports.clear();
    this.pendingEstimates.clear();
    this.exporting = null;
    this.exportedRows = null;
    for (const pending of waiting) pending.reject(new Error(reason));
  }

  /** A reload of a trace-driven run plays its trace again. */
  private traceKept(): { keepTrace?: true } {
    return this.sim.trace ? { keepTrace: true } : {};
  }

  /** A new run: no bookmarks, no branch, and its later commands (a share link's) are its future. */
  private forgetMoments(): void {
    this.timeline.forget();
    this.forkOnChange = false;
  }

  /** The outcome line of a notice about a run that could not be opened when nothing was open yet. */
  private defaultLoaded(byTitle = true): string {
    const name = this.defaultPreset ?? '';
    const title = (byTitle && this.presets.find((p) => p.name === name)?.title) || name;
    return `Nothing else was open, so the default preset, "${title}", was loaded instead.`;
  }

  dismissNotice = () => {
    this.notice = null;
  };

  /** For a person's mistakes caught before they reach the worker (an empty purge key, say). */
  tell = (notice: Notice) => {
    this.notice = notice;
  };
}
