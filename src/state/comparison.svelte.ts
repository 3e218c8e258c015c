import type { Actor } from 'xstate';
import { comparisonDocument, type VariantSpec } from '../engine/experiments/comparisonSpec';
import type { ComparisonVariant } from '../engine/experiments/planComparison';
import { commandsForVariant } from '../engine/experiments/variantCommands';
import type { Command, TimedCommand } from '../engine/scenario/commandSchema';
import type { Scenario } from '../engine/scenario/schema';
import { clampSpeed, type playbackMachine } from '../machines/playback';
import { startPlayback } from './playbackActor';
import type { FromComparison, ToComparison } from '../worker/comparisonProtocol';
import type { Notice, PlaybackState } from './appState.svelte';
import { comparisonLinkPrefix, decodeHashJson, encodeHashJson } from './shareLink';
import { SimStore } from './simStore.svelte';

/** The comparison worker's two ends and its end; tests pass one over the host itself. */
export interface ComparisonPort {
  post(message: ToComparison): void;
  listen(handler: (message: FromComparison) => void): void;
  close(): void;
}

/** The comparison's CSV files at a moment. */
export interface ComparisonFiles {
  atMs: number;
  summaryTiers: string;
  summaryEndToEnd: string;
}

const nothing = () => {};

/**
 * A comparison as the page shows it: a SimStore per variant (all at one simulated time, the worker
 * keeps them in step), one playback for all (the single run's machine), one command log. Its worker
 * starts when a comparison opens and ends when the person goes back to their run, which is kept.
 */
export class ComparisonState {
  /** The comparison is on screen (in place of the single run). */
  active = $state(false);
  /** A comparison was asked for and the worker has not answered yet. */
  opening = $state(false);
  /** Why the comparison asked for could not open, for the dialog to show beside what was typed. */
  problem = $state.raw<Notice | null>(null);
  /** Something refused during the comparison, or a fault that reached only some variants. */
  notice = $state.raw<Notice | null>(null);
  scenario = $state.raw<Scenario | null>(null);
  variants = $state.raw<ComparisonVariant[]>([]);
  sims = $state.raw<SimStore[]>([]);
  commands = $state.raw<TimedCommand[]>([]);
  playback = $state<PlaybackState>('idle');
  speed = $state(1);
  fastForward = $state(false);

  private port: ComparisonPort | null = null;
  private readonly actor: Actor<typeof playbackMachine>;
  private requestId = 0;
  // Bookkeeping for replies, never rendered.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private pendingExports = new Map<number, (files: ComparisonFiles) => void>();

  /** The comparison being opened came from a link: its base scenario becomes the person's run too. */
  private fromLink = false;

  /**
   * @param onLinkOpened given the scenario a link's comparison starts from, so that the run to go
   *   back to is that scenario rather than whatever the page opened with
   */
  constructor(
    private readonly startPort: () => ComparisonPort,
    private readonly onLinkOpened: (scenario: Scenario) => void = () => {},
  ) {
    const post = (message: ToComparison) => () => this.port?.post(message);
    this.actor = startPlayback(
      {
        sendPlay: post({ type: 'play' }),
        sendPause: post({ type: 'pause' }),
        sendRunEnd: post({ type: 'run.end' }),
        sendReset: post({ type: 'reset' }),
        sendSpeed: (_, params) => this.port?.post({ type: 'speed', speed: params.speed }),
        // A comparison has no steps and no timeline: every variant moves by time alone.
        sendStepEvent: nothing,
        sendStepRequest: nothing,
        sendSeek: nothing,
        sendStepBack: nothing,
      },
      this,
    );
  }

  /** Opens a comparison of the person's run (as its first variant) with others; the worker checks it. */
  open = (scenario: Scenario, variants: VariantSpec[]) => {
    this.send({ type: 'compare.open', document: comparisonDocument(scenario, variants, []) });
  };

  /** Opens the comparison in a `#compare=` hash. False when the hash holds none. */
  openLink = (hash: string): boolean => {
    let text: string | null;
    try {
      text = decodeHashJson(comparisonLinkPrefix, hash);
    } catch (error) {
      this.problem = { kind: 'error', message: (error as Error).message, problems: [] };
      return false;
    }
    if (text === null) return false;
    this.send({ type: 'compare.open', text }, true);
    return true;
  };

  /** The hash of a link that opens this comparison at the moment on screen. */
  shareHash(): string | null {
    if (!this.scenario || this.sims.length === 0) return null;
    const document = comparisonDocument(this.scenario, this.variants, this.commands, this.sims[0].nowMs);
    return encodeHashJson(comparisonLinkPrefix, document);
  }

  /** Back to the single run: the comparison's worker ends. */
  close = () => {
    this.actor.send({ type: 'pause' });
    this.port?.close();
    this.port = null;
    this.active = false;
    this.sims = [];
    this.notice = null;
  };

  toggle = () => this.actor.send({ type: 'toggle' });
  runToEnd = () => this.actor.send({ type: 'run.end' });
  reset = () => this.actor.send({ type: 'reset' });
  setSpeed = (speed: number) => this.actor.send({ type: 'speed.set', speed: clampSpeed(speed) });
  /** A fault or change for every variant, at the moment they share. */
  apply = (command: Command) => this.port?.post({ type: 'command', command });
  dismissNotice = () => (this.notice = null);

  /** The comparison's CSV files, replayed by the worker up to the moment on screen. */
  requestExport = (): Promise<ComparisonFiles> =>
    new Promise((resolve) => {
      const requestId = ++this.requestId;
      this.pendingExports.set(requestId, resolve);
      this.port?.post({ type: 'export', requestId });
    });

  private send(message: ToComparison, fromLink = false): void {
    if (!this.port) {
      this.port = this.startPort();
      this.port.listen((m) => this.receive(m));
      this.port.post({ type: 'speed', speed: this.speed });
    }
    this.opening = true;
    this.fromLink = fromLink;
    this.problem = null;
    this.port.post(message);
  }

  private receive(message: FromComparison): void {
    switch (message.type) {
      case 'compare.loaded': {
        this.opening = false;
        this.scenario = message.scenario;
        this.variants = message.variants;
        this.commands = message.commands;
        this.sims = message.variants.map((variant) => {
          const sim = new SimStore();
          sim.receive({
            type: 'loaded',
            scenario: variant.scenario,
            commands: commandsForVariant(message.commands, variant.scenario),
            preset: null,
          });
          return sim;
        });
        this.active = true;
        this.actor.send({ type: 'run.loaded' });
        if (this.fromLink) this.onLinkOpened(message.scenario);
        this.fromLink = false;
        return;
      }
      case 'compare.frame':
        message.frames.forEach((frame, i) => this.sims[i]?.receive(frame));
        this.port?.post({ type: 'frame.ack' });
        if (message.frames[0]?.finished && this.playback !== 'finished')
          this.actor.send({ type: 'run.finished' });
        return;
      case 'commands':
        this.commands = message.commands;
        this.sims.forEach((sim, i) => {
          const scenario = this.variants[i].scenario;
          sim.receive({ ...message, commands: commandsForVariant(message.commands, scenario) });
        });
        return;
      case 'notice':
        this.notice = { kind: 'info', message: message.message, problems: [] };
        return;
      case 'compare.exported': {
        const resolve = this.pendingExports.get(message.requestId);
        this.pendingExports.delete(message.requestId);
        resolve?.(message);
        return;
      }
      case 'error': {
        const notice: Notice = { kind: 'error', message: message.message, problems: message.problems };
        if (this.opening) {
          this.opening = false;
          this.problem = notice;
          // Nothing opened: a worker started for this attempt alone has nothing to host.
          if (!this.active) this.close();
          return;
        }
        this.notice = notice;
        return;
      }
    }
  }
}
