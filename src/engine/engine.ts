import type { SimEvent } from './events';
import type { MetricsReport } from './metrics/types';
import type { Command, TimedCommand } from './scenario/commandSchema';
import type { Scenario } from './scenario/schema';
import type { Snapshot } from './snapshot';
import type { TraceInput } from './workload/traceScenario';

export interface EngineOptions {
  /** Commands to apply at their times (a recorded log, for replays, share links and exports). */
  commands?: readonly TimedCommand[];
  /** Keep events for drainEvents (the UI's animation). Off for the fastest headless runs. */
  recordEvents?: boolean;
  /** How many undrained events are kept; older ones are dropped and counted. */
  eventBufferSize?: number;
  /** Called with every event as it happens (CSV export streams through this). */
  onEvent?: (event: SimEvent) => void;
  /** Sees every step of every request's journey, by stage name ('start' where one begins; tests check them against journey/stages.ts). */
  onStageMove?: (from: string, to: string) => void;
  /**
   * The trace whose requests are the run's workload, instead of the scenario's generated ones; the
   * scenario must be the one workload/traceScenario.ts made from it (docs/traces.md).
   */
  trace?: TraceInput;
}

/**
 * A running simulation. Create one from a scenario; run it until a time or step it; apply commands
 * while it runs; drain its events and read its metrics and snapshots.
 */
export interface Engine {
  readonly scenario: Scenario;
  /** Simulated time, milliseconds. */
  readonly nowMs: number;
  /** True once simulated time has reached the scenario's duration. */
  readonly finished: boolean;
  /** Every command applied so far, stamped with its simulated time (scenario faults excluded). */
  readonly commandLog: readonly TimedCommand[];
  /**
   * Scheduled events processed so far, and requests completed: a moment between two events, which a
   * replay reaches again exactly by stepping that many (step back seeks by these counts).
   */
  readonly eventsRun: number;
  readonly requestsDone: number;
  /** Processes every event up to timeMs (capped at the duration) and sets the clock to it. */
  runUntil(timeMs: number): void;
  /** Processes the next event. Returns false when the run is finished. */
  step(): boolean;
  /** Processes events until the next request completes. Returns false when the run is finished. */
  stepRequest(): boolean;
  /** Applies a command now and records it in the command log. */
  apply(command: Command): void;
  /** Events since the last drain, oldest first, at most `max`; `dropped` counts those lost to the bound. */
  drainEvents(max?: number): { events: SimEvent[]; dropped: number };
  metrics(): MetricsReport;
  /** The settings in effect: the scenario with every command applied so far folded in (a copy). */
  settings(): Scenario;
  /** @param maxEntries entries listed per cache, next victims first (default 50). */
  snapshot(maxEntries?: number): Snapshot;
}
