import type { Engine, EngineOptions } from './engine';
import type { SimEvent } from './events';
import { MetricsCollector } from './metrics/collector';
import type { MetricsReport } from './metrics/types';
import type { EventSink } from './model/eventSink';
import { message, TaskKind, type Message, type Task } from './model/request';
import { System } from './model/system';
import { stageNames } from './model/journey';
import { Scheduler } from './scheduler';
import type { Command, TimedCommand } from './scenario/commandSchema';
import type { Scenario } from './scenario/schema';
import type { CacheView, EdgeView, NodeView, Snapshot } from './snapshot';
import { createRequestGenerator, type RequestGenerator } from './workload/requestGenerator';
import { applyCommand, describeCommand } from './applyCommand';
import { commandSchedule } from './commands/foldCommands';
import { formatSeconds } from './commands/formatSeconds';
import { InputError } from './inputError';

/** Client nodes listed one by one in a snapshot; more are summed into the last one's label. */
const maxClientNodes = 12;

/**
 * A bounded ring of events for the UI's animation: when nobody drains it fast enough, the oldest
 * events are dropped and counted, so a long fast-forward never grows memory.
 */
class EventRing implements EventSink {
  on: boolean;
  private buffer: (SimEvent | undefined)[];
  private head = 0;
  private size = 0;
  dropped = 0;
  totalDropped = 0;

  constructor(
    private readonly capacity: number,
    private readonly record: boolean,
    private readonly listener: ((event: SimEvent) => void) | undefined,
  ) {
    this.on = record || listener !== undefined;
    this.buffer = record ? new Array(capacity) : [];
  }

  emit(event: SimEvent): void {
    if (this.listener !== undefined) this.listener(event);
    if (!this.record) return;
    if (this.size === this.capacity) {
      this.head = (this.head + 1) % this.capacity;
      this.size--;
      this.dropped++;
      this.totalDropped++;
    }
    this.buffer[(this.head + this.size) % this.capacity] = event;
    this.size++;
  }

  drain(max: number): { events: SimEvent[]; dropped: number } {
    const count = Math.min(max, this.size);
    const events: SimEvent[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const index = (this.head + i) % this.capacity;
      events[i] = this.buffer[index]!;
      this.buffer[index] = undefined;
    }
    this.head = (this.head + count) % this.capacity;
    this.size -= count;
    const dropped = this.dropped;
    this.dropped = 0;
    return { events, dropped };
  }
}

class SimulationEngine implements Engine {
  readonly commandLog: TimedCommand[] = [];
  private readonly scheduler = new Scheduler<Task>();
  private readonly clock = { nowMs: 0 };
  private readonly metricsCollector: MetricsCollector;
  private readonly ring: EventRing;
  private readonly system: System;
  private readonly workload: RequestGenerator;
  /** Scenario faults and recorded commands, in time order; they run after every event at their time. */
  private readonly scheduledCommands: TimedCommand[];
  private nextCommand = 0;
  private readonly arrival: Message = message(TaskKind.Arrival);
  private completedRequests = 0;
  private tasksRun = 0;
  private timeMs = 0;

  constructor(
    readonly scenario: Scenario,
    options: EngineOptions,
  ) {
    this.metricsCollector = new MetricsCollector(scenario.bucketMs);
    this.ring = new EventRing(options.eventBufferSize ?? 50_000, options.recordEvents ?? true, options.onEvent);
    this.system = new System(scenario, this.scheduler, this.metricsCollector, this.ring, this.clock);
    this.system.onRequestDone = () => this.completedRequests++;
    if (options.onStageMove !== undefined) {
      const observe = options.onStageMove;
      this.system.onMove = (from, to) => observe(stageNames[from], stageNames[to]);
    }
    this.workload = createRequestGenerator(structuredClone(scenario.workload), scenario.seed);
    // Scenario faults and recorded commands, in time order (faults first at equal times).
    this.scheduledCommands = commandSchedule(scenario, options.commands ?? []);
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

  /** Runs one scheduled task. */
  private runTask(task: Task): void {
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
        const req = this.workload.next();
        this.system.issue(req.client, req.keySpace, req.keyIndex, req.op, req.sizeBytes);
        this.scheduleArrival();
        return;
      }
      default:
        this.system.handle(task);
    }
  }

  private nextCommandMs(): number {
    return this.nextCommand < this.scheduledCommands.length ? this.scheduledCommands[this.nextCommand].atMs : Infinity;
  }

  /**
   * Takes the next thing due at or before untilMs: a command once every event at or before its time
   * has run (so a command applied live, after the events of its moment, replays in the same place),
   * else the next event. Returns false when nothing is due.
   */
  private advanceOne(untilMs: number): boolean {
    const eventMs = this.scheduler.peekTime();
    const commandMs = this.nextCommandMs();
    if (commandMs < eventMs && commandMs <= untilMs) {
      const command = this.scheduledCommands[this.nextCommand++];
      if (command.atMs > this.timeMs) this.timeMs = command.atMs;
      this.execute(command);
      return true;
    }
    if (eventMs > untilMs) return false;
    this.runTask(this.scheduler.pop()!);
    return true;
  }

  runUntil(timeMs: number): void {
    const until = Math.min(timeMs, this.scenario.durationMs);
    const scheduler = this.scheduler;
    // advanceOne's rule, with the next command's time looked up once per command, not per event:
    // every event up to the next command's time (or `until`) runs, then that command.
    for (;;) {
      const commandMs = this.nextCommandMs();
      const eventsUntil = commandMs < until ? commandMs : until;
      while (scheduler.peekTime() <= eventsUntil) this.runTask(scheduler.pop()!);
      if (commandMs > until) break;
      this.advanceOne(until);
    }
    if (until > this.timeMs) {
      this.timeMs = until;
      this.clock.nowMs = until;
    }
  }

  step(): boolean {
    if (this.finished) return false;
    const duration = this.scenario.durationMs;
    // Commands due before the next event run first; then exactly one event.
    while (this.nextCommandMs() < this.scheduler.peekTime() && this.nextCommandMs() <= duration) this.advanceOne(duration);
    if (this.scheduler.peekTime() > duration) {
      this.runUntil(duration);
      return false;
    }
    this.runTask(this.scheduler.pop()!);
    return true;
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
    while (this.advanceOne(this.timeMs));
    const stamped: TimedCommand = { atMs: this.timeMs, command };
    this.execute(stamped);
    this.commandLog.push(stamped);
  }

  private execute(timed: TimedCommand): void {
    this.clock.nowMs = this.timeMs;
    // What the command causes belongs to the bucket of its time, live or replayed.
    this.metricsCollector.advance(this.timeMs);
    applyCommand(timed.command, this.system, this.workload, this.timeMs);
    if (this.ring.on) this.ring.emit({ type: 'command', t: this.timeMs, summary: describeCommand(timed.command) });
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

/** The topology and every cache's contents at a moment. */
function buildSnapshot(system: System, nowMs: number, maxEntries: number): Snapshot {
  const { topology, workload } = system.config;
  const nodes: NodeView[] = [];
  const edges: EdgeView[] = [];
  const caches: CacheView[] = [];
  const clients = Math.min(workload.clients, maxClientNodes);
  const front = topology.cdn.enabled ? 'cdn' : 'lb';
  for (let c = 0; c < clients; c++) {
    const rest = c === clients - 1 ? workload.clients - clients : 0;
    const more = rest > 0 ? ` (+${rest} more)` : '';
    const hasBrowser = topology.browser.enabled;
    nodes.push({
      id: `client:${c}`,
      kind: 'client',
      label: `User ${c}${more}`,
      state: 'up',
      busy: 0,
      queued: 0,
      cache: hasBrowser ? `browser:${c}` : null,
      users: 1 + rest,
    });
    edges.push({ from: `client:${c}`, to: front });
    // Writes and private data go past the CDN, straight to the load balancer.
    if (front === 'cdn') edges.push({ from: `client:${c}`, to: 'lb' });
  }
  if (topology.cdn.enabled) {
    nodes.push({ id: 'cdn', kind: 'cdn', label: 'CDN', state: 'up', busy: 0, queued: 0, cache: 'cdn' });
    edges.push({ from: 'cdn', to: 'lb' });
    caches.push(system.cdn.view(nowMs, maxEntries));
  }
  nodes.push({ id: 'lb', kind: 'lb', label: 'Load balancer', state: 'up', busy: 0, queued: 0, cache: null });
  system.servers.forEach((server, i) => {
    const load = system.serverLoad(i);
    const hasLocal = topology.appServers.local.enabled;
    nodes.push({ id: server.id, kind: 'app', label: `App ${i + 1}`, state: system.serverState(i), busy: load.busy, queued: load.queued, cache: hasLocal ? `local:${i}` : null });
    edges.push({ from: 'lb', to: server.id });
    if (hasLocal) caches.push(server.local.view(nowMs, maxEntries));
    if (topology.distributed.enabled) system.nodes.forEach((node) => edges.push({ from: server.id, to: node.id }));
    edges.push({ from: server.id, to: 'db' });
    for (let r = 0; r < system.replicas.length; r++) edges.push({ from: server.id, to: `replica:${r}` });
  });
  if (topology.distributed.enabled) {
    system.nodes.forEach((node, i) => {
      nodes.push({ id: node.id, kind: 'cache', label: node.label, state: system.nodeState(i), busy: 0, queued: 0, cache: node.id });
      caches.push(node.view(nowMs, maxEntries, system.nodeState(i) as CacheView['state']));
      edges.push({ from: node.id, to: 'db' });
    });
  }
  const db = system.databaseLoad();
  nodes.push({ id: 'db', kind: 'db', label: 'Database', state: system.databaseState(), busy: db.busy, queued: db.queued, cache: topology.database.bufferPool.enabled ? 'bufferPool' : null });
  if (topology.database.bufferPool.enabled) caches.push(system.bufferPool.view(nowMs, maxEntries));
  system.replicas.forEach((_, r) => {
    const load = system.replicaLoad(r);
    nodes.push({ id: `replica:${r}`, kind: 'replica', label: `Replica ${r + 1}`, state: 'healthy', busy: load.busy, queued: load.queued, cache: null });
    edges.push({ from: 'db', to: `replica:${r}` });
  });
  if (topology.bus.enabled) {
    nodes.push({ id: 'bus', kind: 'bus', label: 'Invalidation bus', state: 'up', busy: 0, queued: 0, cache: null });
    system.servers.forEach((server) => edges.push({ from: 'bus', to: server.id }));
    if (topology.cdn.enabled) edges.push({ from: 'bus', to: 'cdn' });
  }
  if (topology.browser.enabled) {
    for (const browser of system.browserCaches().sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })).slice(0, maxClientNodes)) {
      caches.push(browser.view(nowMs, maxEntries));
    }
  }
  return { nowMs, nodes, edges, caches };
}

/**
 * Creates a simulation of a (validated) scenario.
 *
 * @example
 * const engine = createEngine(loadPreset('basics'), { recordEvents: false });
 * engine.runUntil(engine.scenario.durationMs);
 * engine.metrics().tiers.find((t) => t.tier === 'distributed')?.hitRatio;
 */
export function createEngine(scenario: Scenario, options: EngineOptions = {}): Engine {
  return new SimulationEngine(scenario, options);
}
