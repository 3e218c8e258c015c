import { applyCommand, describeCommand } from '../applyCommand';
import { buildSnapshot } from '../buildSnapshot';
import { commandSchedule } from '../commands/foldCommands';
import { formatSeconds } from '../format/readableNumbers';
import type { Engine, EngineOptions } from '../engine';
import type { SimEvent } from '../events';
import { InputError } from '../inputError';
import { MetricsCollector } from '../metrics/collector';
import type { MetricsReport } from '../metrics/types';
import { moveStartName, stageNames } from '../model/journey/stages';
import { message, type Message, type Task } from '../model/messages';
import { TaskKind } from '../model/request';
import { System } from '../model/system';
import { Scheduler } from '../scheduler';
import type { Command, TimedCommand } from '../scenario/commandSchema';
import type { Scenario } from '../scenario/schema';
import type { Snapshot } from '../snapshot';
import { blankRequest, createRequestGenerator, type RequestGenerator } from '../workload/requestGenerator';
import { createTraceRequests } from '../workload/traceRequests';
import { EventRing } from './eventRing';

/** The kind of a scheduled command, beside the model's task kinds (which count up from 0). */
const commandKind = -1;

/** A scenario fault or a logged command, waiting in the scheduler's last lane for its time. */
interface CommandTask {
  kind: typeof commandKind;
  timed: TimedCommand;
}

/**
 * The simulation loop: one scheduler holds the model's events and the run's commands in one order,
 * (time, events before commands, scheduling order), so a command runs once every event of its moment
 * has run. A command applied live comes after the events of its moment too, so a replay of the
 * command log runs it in the same place.
 */
export class Simulation implements Engine {
  readonly commandLog: TimedCommand[] = [];
  private readonly scheduler = new Scheduler<Task | CommandTask>();
  private readonly clock = { nowMs: 0 };
  private readonly metricsCollector: MetricsCollector;
  private readonly ring: EventRing;
  private readonly system: System;
  private readonly workload: RequestGenerator;
  private readonly arrival: Message = message(TaskKind.Arrival);
  /** The arrival being issued, filled again for each: it never outlives its task. */
  private readonly drawn = blankRequest();
  private completedRequests = 0;
  /** Scheduled events run so far (commands not counted): step back replays to one fewer. */
  private tasksRun = 0;
  private timeMs = 0;

  constructor(
    readonly scenario: Scenario,
    options: EngineOptions,
  ) {
    this.metricsCollector = new MetricsCollector(scenario.bucketMs);
    this.ring = new EventRing(
      options.eventBufferSize ?? 50_000,
      options.recordEvents ?? true,
      options.onEvent,
    );
    this.system = new System(scenario, this.scheduler, this.metricsCollector, this.ring, this.clock);
    this.system.onRequestDone = () => this.completedRequests++;
    if (options.onStageMove !== undefined) {
      const observe = options.onStageMove;
      this.system.onMove = (from, to) => observe(moveStartName(from), stageNames[to]);
    }
    if (options.trace) {
      this.workload = createTraceRequests(scenario, options.trace);
      // The caches, the database and the event log see the trace's own keys.
      this.system.keys.nameKeys(0, options.trace.trace.keyNames);
    } else {
      this.workload = createRequestGenerator(structuredClone(scenario.workload), scenario.seed);
    }
    // Scenario faults and recorded commands, in time order (faults first at equal times).
    for (const timed of commandSchedule(scenario, options.commands ?? []))
      this.scheduler.scheduleLast(timed.atMs, { kind: commandKind, timed });
    this.scheduleArrival();
  }

  get nowMs(): number {
    return this.timeMs;
  }

  get eventsRun(): number {
    return this.tasksRun;
  }

  get requestsDone(): number {
    return this.completedRequests;
  }

  get finished(): boolean {
    return this.timeMs >= this.scenario.durationMs;
  }

  /**
   * Keeps exactly one pending arrival, at the workload's next request time, aside from the queue (it
   * is replaced once per request; see Scheduler.scheduleAside). A rate change moves it, or cancels it
   * when no request comes before the end any more.
   */
  private scheduleArrival(): void {
    const next = this.workload.peekTimeMs();
    const scheduler = this.scheduler;
    // Already pending: scheduling it again would give it a later place among events at its time.
    if (next === scheduler.asideTimeMs) return;
    if (next >= this.scenario.durationMs) scheduler.cancelAside();
    else scheduler.scheduleAside(next, this.arrival);
  }

  /** Runs one scheduled item: a command at its time, or an event at the scheduler's. */
  private runTask(task: Task | CommandTask): void {
    if (task.kind === commandKind) {
      if (task.timed.atMs > this.timeMs) this.timeMs = task.timed.atMs;
      this.execute(task.timed);
      return;
    }
    const now = this.scheduler.now;
    this.tasksRun++;
    this.clock.nowMs = now;
    this.timeMs = now;
    this.metricsCollector.advance(now);
    switch (task.kind) {
      case TaskKind.Request:
        this.system.advance(task);
        return;
      case TaskKind.Arrival: {
        const req = this.workload.next(this.drawn);
        this.system.issue(req.client, req.keySpace, req.keyIndex, req.op, req.sizeBytes);
        this.scheduleArrival();
        return;
      }
      default:
        this.system.handle(task);
    }
  }

  /** Runs every event and command due at or before untilMs, in the scheduler's order. */
  private runDue(untilMs: number): void {
    const scheduler = this.scheduler;
    while (scheduler.hasDueBy(untilMs)) this.runTask(scheduler.pop()!);
  }

  runUntil(timeMs: number): void {
    const until = Math.min(timeMs, this.scenario.durationMs);
    this.runDue(until);
    if (until > this.timeMs) {
      this.timeMs = until;
      this.clock.nowMs = until;
    }
  }

  step(): boolean {
    if (this.finished) return false;
    const duration = this.scenario.durationMs;
    const scheduler = this.scheduler;
    // Commands due before the next event run first; then exactly one event.
    for (;;) {
      if (!scheduler.hasDueBy(duration)) {
        this.runUntil(duration);
        return false;
      }
      const task = scheduler.pop()!;
      this.runTask(task);
      if (task.kind !== commandKind) return true;
    }
  }

  stepRequest(): boolean {
    const target = this.completedRequests + 1;
    while (this.completedRequests < target) if (!this.step()) return false;
    return true;
  }

  apply(command: Command): void {
    if (this.finished)
      throw new InputError(
        `The run has ended (at ${formatSeconds(this.scenario.durationMs)}): a change now would come after its end. ` +
          'Seek back or reset to change how it runs.',
      );
    // Finish the current moment first: a replay runs this command after every event at its time.
    this.runDue(this.timeMs);
    const stamped: TimedCommand = { atMs: this.timeMs, command };
    this.execute(stamped);
    this.commandLog.push(stamped);
  }

  private execute(timed: TimedCommand): void {
    this.clock.nowMs = this.timeMs;
    // What the command causes belongs to the bucket of its time, live or replayed.
    this.metricsCollector.advance(this.timeMs);
    applyCommand(timed.command, this.system, this.workload, this.timeMs);
    if (this.ring.on)
      this.ring.emit({ type: 'command', t: this.timeMs, summary: describeCommand(timed.command) });
    // A rate change or a spike may have moved the next arrival.
    this.scheduleArrival();
  }

  drainEvents(max = Infinity): { events: SimEvent[]; dropped: number } {
    return this.ring.drain(max);
  }

  settings(): Scenario {
    return structuredClone(this.system.config);
  }

  metrics(): MetricsReport {
    this.metricsCollector.droppedEvents = this.ring.totalDropped;
    return this.metricsCollector.report(this.timeMs, this.system.tierStates());
  }

  snapshot(maxEntries = 50): Snapshot {
    return buildSnapshot(this.system, this.timeMs, maxEntries);
  }
}
