import { createActor, type Actor } from 'xstate';
import type { NodeId, ServedBy } from '../events';
import { cacheNodeMachine } from '../../machines/cacheNode';
import { databaseMachine } from '../../machines/database';
import { appServerMachine } from '../../machines/appServer';
import { sessionMachine } from '../../machines/session';
import { tierIndex, type MetricsCollector } from '../metrics/collector';
import { createStream, type RandomStream } from '../random';
import type { Scheduler } from '../scheduler';
import type { Scenario } from '../scenario/schema';
import type { TierName } from '../scenario/commandSchema';
import type { KeySpace, TierConfig } from '../scenario/parts';
import { CacheInstance, Lookup, type CacheEntry, type CacheWorld } from './cacheInstance';
import type { EventSink } from './eventSink';
import { HashRing } from './hashRing';
import { Stage } from './journey';
import { KeyColumns } from './keyColumns';
import { KeyTable } from './keyTable';
import { cacheMessage, createRequest, message, resetRequest, TaskKind, type Message, type Request, type Task } from './request';
import { GroundTruth } from './truth';

/** One app server: workers, a queue, an in-process cache, and a lifecycle. */
interface AppServer {
  index: number;
  id: NodeId;
  busy: number;
  queue: Request[];
  queueHead: number;
  local: CacheInstance;
  actor: Actor<typeof appServerMachine>;
  up: boolean;
  /** Single-flight: cache key → the request already loading it. */
  inFlight: Map<number, Request>;
}

/** The database primary or one replica: a bounded number of queries at once, and a queue. */
interface DatabaseServer {
  id: NodeId;
  busy: number;
  queue: Request[];
  queueHead: number;
}

/** A write-back flush pending for a key. */
interface PendingFlush {
  message: Message;
  /** Version of a flush that has left the node but is not committed yet (it survives a crash). */
  inFlightVersion: number;
}

/**
 * The simulated system: clients, browser caches, the CDN, app servers with local caches, the
 * distributed cache, the database, and the invalidation bus. It advances requests along the journey
 * (journey.ts) one scheduled step at a time and keeps the ground truth of every key.
 */
export class System {
  readonly keys: KeyTable;
  readonly truth = new GroundTruth();
  /** The live configuration: the scenario with every command applied so far. */
  readonly config: Scenario;
  readonly servers: AppServer[] = [];
  readonly nodes: CacheInstance[] = [];
  readonly nodeActors: Actor<typeof cacheNodeMachine>[] = [];
  readonly cdn: CacheInstance;
  readonly bufferPool: CacheInstance;
  readonly database: DatabaseServer;
  readonly replicas: DatabaseServer[] = [];
  readonly databaseActor: Actor<typeof databaseMachine>;
  private readonly browsers = new Map<number, CacheInstance>();
  private readonly sessions = new Map<number, Actor<typeof sessionMachine>>();
  private readonly ring: HashRing;
  private readonly world: CacheWorld;
  private readonly latencyRandom: RandomStream;
  private readonly busRandom: RandomStream;
  private readonly refreshRandom: RandomStream;
  private readonly balancerRandom: RandomStream;
  private readonly flushes = new Map<number, PendingFlush>();
  /** Locks held at the distributed cache (stampede protection 'lock'): cache key → expiry time. */
  private readonly locks = new Map<number, number>();
  private readonly nodeList: number[] = [];
  /** Client node ids by client, made on first use (see clientNode). */
  private readonly clientIds: (NodeId | undefined)[] = [];
  private nextRequestId = 0;
  /**
   * Finished requests, reused by newRequest: nothing keeps a request once it is done (events,
   * waiters' leaders and flushes name requests by id), so the hot path allocates no request.
   */
  private readonly requestPool: Request[] = [];
  /** Handled fill, delete and bus messages, reused likewise (nothing keeps them once handled). */
  private readonly messagePool: Message[] = [];
  private roundRobin = 0;
  private replicaRoundRobin = 0;
  private databaseSlowFactor = 1;
  private databaseUp = true;
  private databaseOverloaded = false;
  // Hot settings, copied from `config` by settingsChanged() so that the reducer reads no property
  // chains. Commands change `config` in place (applyCommand), and every command ends with a refresh.
  private keySpaces!: KeySpace[];
  private clientToCdnMs = 0;
  private cdnToAppMs = 0;
  private appToCacheMs = 0;
  private appToDatabaseMs = 0;
  private jitter = 0;
  private stampede!: Scenario['policies']['stampede'];
  private readPolicy!: Scenario['policies']['read'];
  private writePolicy!: Scenario['policies']['write'];
  private cacheKeyIncludesUser = true;
  private browserEnabled = false;
  private cdnEnabled = false;
  private distributedEnabled = false;
  private replication = 1;
  private workers = 0;
  private serviceTimeMs = 0;
  private loadBalancer!: Scenario['topology']['appServers']['loadBalancer'];
  private maxConcurrent = 0;
  private readMs = 0;
  private writeMs = 0;
  private diskReadMs = 0;
  private readsFromReplicas = false;
  /** Bumped by every refresh: a request's kept cache key is good only for the epoch it was made in. */
  private settingsEpoch = 0;
  /** Called when a user's request completes (the engine counts them for stepRequest). */
  onRequestDone: () => void = () => {};
  /** Sees every move of every request (tests check each against the journey table). */
  onMove: ((from: Stage, to: Stage) => void) | null = null;

  constructor(
    scenario: Scenario,
    /** The model only schedules; the loop (run/simulation.ts) takes events and its commands. */
    private readonly scheduler: Pick<Scheduler<Task>, 'schedule'>,
    private readonly metrics: MetricsCollector,
    private readonly sink: EventSink,
    private readonly clock: { nowMs: number },
  ) {
    this.config = structuredClone(scenario);
    this.settingsChanged();
    const { topology, workload, seed } = this.config;
    this.keys = new KeyTable(workload.keySpaces, workload.clients);
    this.truth.ensure(this.keys.size);
    this.latencyRandom = createStream(seed, 'latencies');
    this.busRandom = createStream(seed, 'bus');
    this.refreshRandom = createStream(seed, 'refresh');
    this.balancerRandom = createStream(seed, 'balancer');
    this.world = {
      sink,
      metrics,
      keys: this.keys,
      truth: this.truth,
      keyColumns: new KeyColumns(Math.max(1024, this.keys.size)),
      clock,
      seed,
      onDirtyEviction: (instance, key, entry) => this.flushNow(instance, key, entry),
    };
    this.cdn = new CacheInstance('cdn', 'cdn', 'CDN', 'cdn', tierIndex.cdn, topology.cdn, this.world);
    for (let i = 0; i < topology.appServers.count; i++) {
      const local = new CacheInstance(`local:${i}`, `app:${i}`, `App ${i + 1} local cache`, 'local', tierIndex.local, topology.appServers.local, this.world);
      const actor = createActor(appServerMachine).start();
      this.servers.push({ index: i, id: `app:${i}`, busy: 0, queue: [], queueHead: 0, local, actor, up: true, inFlight: new Map() });
    }
    for (let i = 0; i < topology.distributed.nodes; i++) {
      this.nodes.push(new CacheInstance(`cache:${i}`, `cache:${i}`, `Cache node ${i + 1}`, 'distributed', tierIndex.distributed, topology.distributed, this.world));
      this.nodeActors.push(createActor(cacheNodeMachine).start());
    }
    this.ring = new HashRing(topology.distributed.nodes, topology.distributed.virtualNodes);
    this.bufferPool = new CacheInstance('bufferPool', 'db', 'Database buffer pool', 'bufferPool', tierIndex.bufferPool, topology.database.bufferPool, this.world);
    this.database = { id: 'db', busy: 0, queue: [], queueHead: 0 };
    for (let i = 0; i < topology.database.replicas; i++) this.replicas.push({ id: `replica:${i}`, busy: 0, queue: [], queueHead: 0 });
    this.databaseActor = createActor(databaseMachine, { input: { overloadQueue: topology.database.overloadQueue } }).start();
  }

  // ---------------------------------------------------------------- instances

  /** A client's browser cache, made on first use (there may be many clients). */
  browser(client: number): CacheInstance {
    let cache = this.browsers.get(client);
    if (cache === undefined) {
      cache = new CacheInstance(`browser:${client}`, `client:${client}`, `Browser of user ${client}`, 'browser', tierIndex.browser, this.config.topology.browser, this.world);
      this.browsers.set(client, cache);
    }
    return cache;
  }

  /** Every instance of a tier that exists now. */
  instancesOf(tier: TierName): CacheInstance[] {
    switch (tier) {
      case 'browser':
        return [...this.browsers.values()];
      case 'cdn':
        return [this.cdn];
      case 'local':
        return this.servers.map((s) => s.local);
      case 'distributed':
        return this.nodes;
      case 'bufferPool':
        return [this.bufferPool];
    }
  }

  /** The key the shared caches store a request's data under. */
  private cacheKey(req: Request): number {
    // Worked out once per request and kept on it, until a command changes the keying (settingsEpoch).
    if (req.keyEpoch === this.settingsEpoch) return req.cacheKey;
    const space = this.keySpaces[req.space];
    const key = space.perUser && !this.cacheKeyIncludesUser ? this.keys.sharedCacheKey(req.space, req.keyIndex) : req.dataKey;
    req.cacheKey = key;
    req.keyEpoch = this.settingsEpoch;
    return key;
  }

  private space(req: Request): KeySpace {
    return this.keySpaces[req.space];
  }

  // ---------------------------------------------------------------- time and hops

  /** One draw of a hop's latency: the mean, varied by ± jitter. */
  private hopMs(meanMs: number): number {
    const jitter = this.jitter;
    return jitter > 0 ? meanMs * (1 + jitter * (2 * this.latencyRandom.next() - 1)) : meanMs;
  }

  /** Sends a request along an edge: it arrives at `stage` after the hop's latency. */
  private send(req: Request, from: NodeId, to: NodeId, meanMs: number, stage: Stage): void {
    const now = this.clock.nowMs;
    const arriveMs = now + this.hopMs(meanMs);
    if (this.sink.on) this.sink.emit({ type: 'hop', t: now, req: req.id, from, to, arriveMs });
    this.move(req, stage);
    this.scheduler.schedule(arriveMs, req);
  }

  private move(req: Request, stage: Stage): void {
    if (this.onMove !== null) this.onMove(req.stage, stage);
    req.stage = stage;
  }

  /** Moves a request on at the same instant (no network between the two stages). */
  private at(req: Request, stage: Stage, delayMs = 0): void {
    this.move(req, stage);
    this.scheduler.schedule(this.clock.nowMs + delayMs, req);
  }

  /** A request's client node id; built once per client, not per hop (the hot path allocates no strings). */
  private clientNode(req: Request): NodeId {
    const client = req.client;
    if (client < 0) return `client:${client}`;
    let id = this.clientIds[client];
    if (id === undefined) {
      while (this.clientIds.length < client) this.clientIds.push(undefined);
      id = `client:${client}`;
      this.clientIds[client] = id;
    }
    return id;
  }

  // ---------------------------------------------------------------- the request reducer

  /** A fresh request with the next id, reused from the pool when one is free. */
  private newRequest(): Request {
    const id = this.nextRequestId++;
    const req = this.requestPool.pop();
    if (req === undefined) return createRequest(id);
    resetRequest(req, id);
    return req;
  }

  /** A request has finished its journey (Stage.Done) and nothing will read it again. */
  private recycle(req: Request): void {
    if (!req.pinned) this.requestPool.push(req);
  }

  /** A fill, delete or bus message, reused from the pool when one is free. */
  private newCacheMessage(
    kind: TaskKind.CacheSet | TaskKind.CacheDelete | TaskKind.BusMessage,
    instance: CacheInstance,
    target: number,
    key: number,
    dataKey: number,
    version: number,
    sizeBytes: number,
    epoch: number,
  ): Message {
    const msg = this.messagePool.pop();
    if (msg === undefined) return cacheMessage(kind, instance, target, key, dataKey, version, sizeBytes, epoch);
    msg.kind = kind;
    msg.instance = instance;
    msg.target = target;
    msg.key = key;
    msg.dataKey = dataKey;
    msg.version = version;
    msg.sizeBytes = sizeBytes;
    msg.epoch = epoch;
    return msg;
  }

  /** Issues a user's request from the workload. */
  issue(client: number, space: number, keyIndex: number, op: 'read' | 'write', sizeBytes: number): void {
    const req = this.newRequest();
    req.client = client;
    req.space = space;
    req.keyIndex = keyIndex;
    req.op = op;
    req.sizeBytes = sizeBytes;
    req.dataKey = this.keys.dataKey(space, client, keyIndex);
    req.valueKey = req.dataKey;
    req.issuedAtMs = this.clock.nowMs;
    this.metrics.request(op);
    if (this.sink.on)
      this.sink.emit({ type: 'request.issued', t: req.issuedAtMs, req: req.id, client, op, key: this.keys.name(req.dataKey) });
    this.advance(req);
  }

  /** Takes a request one step along its journey (the reducer: stage and event → next stage). */
  advance(req: Request): void {
    switch (req.stage) {
      case Stage.Client:
        return this.atClient(req);
      case Stage.Cdn:
        return this.atCdn(req);
      case Stage.App:
        return this.atBalancer(req);
      case Stage.AppWork:
        return this.atWorker(req);
      case Stage.CacheNode:
        return this.atNode(req);
      case Stage.AppFromCache:
        return this.atAppFromCache(req);
      case Stage.LockWait:
        return this.send(req, this.servers[req.server].id, this.nodes[req.node].id, this.appToCacheMs, Stage.CacheNode);
      case Stage.Database:
        return this.atDatabase(req);
      case Stage.DatabaseDone:
        return this.atDatabaseDone(req);
      case Stage.AppFromDatabase:
        return this.atAppFromDatabase(req);
      case Stage.CacheFromDatabase:
        return this.atNodeFromDatabase(req);
      case Stage.CdnReply:
        return this.atCdnReply(req);
      case Stage.ClientReply:
        return this.atClientReply(req);
      case Stage.Done:
        return;
    }
  }

  private atClient(req: Request): void {
    const space = this.space(req);
    if (req.op === 'read' && space.kind === 'data' && space.http !== 'no-store' && this.browserEnabled) {
      const browser = this.browser(req.client);
      const found = browser.lookup(req.dataKey, this.clock.nowMs, req.id);
      if (found !== Lookup.Miss) {
        const entry = browser.found!;
        this.answer(req, entry.version, entry.dataKey, 'browser');
        if (found === Lookup.HitStale) this.refreshThroughOrigin(browser, req);
        else this.maybeRefreshAhead(browser, entry, req);
        return this.complete(req);
      }
      req.missedBrowser = true;
    }
    const cdnUsable = req.op === 'read' && space.kind === 'data' && space.http === 'public' && this.cdnEnabled;
    if (cdnUsable) {
      req.viaCdn = true;
      return this.send(req, this.clientNode(req), 'cdn', this.clientToCdnMs, Stage.Cdn);
    }
    this.send(req, this.clientNode(req), 'lb', this.clientToCdnMs + this.cdnToAppMs, Stage.App);
  }

  private atCdn(req: Request): void {
    const found = this.cdn.lookup(this.cacheKey(req), this.clock.nowMs, req.id);
    if (found !== Lookup.Miss) {
      const entry = this.cdn.found!;
      this.answer(req, entry.version, entry.dataKey, 'cdn');
      if (found === Lookup.HitStale) this.refreshThroughOrigin(this.cdn, req);
      else this.maybeRefreshAhead(this.cdn, entry, req);
      return this.send(req, 'cdn', this.clientNode(req), this.clientToCdnMs, Stage.ClientReply);
    }
    req.missedCdn = true;
    this.send(req, 'cdn', 'lb', this.cdnToAppMs, Stage.App);
  }

  /** The load balancer picks a server that is up; the server runs it or queues it. */
  private atBalancer(req: Request): void {
    const server = this.pickServer();
    if (server === undefined) {
      req.failed = true;
      req.servedBy = 'failed';
      return this.reply(req);
    }
    req.server = server.index;
    if (this.sink.on) this.sink.emit({ type: 'hop', t: this.clock.nowMs, req: req.id, from: 'lb', to: server.id, arriveMs: this.clock.nowMs });
    if (server.busy < this.workers) this.startWork(server, req);
    else server.queue.push(req);
  }

  private pickServer(): AppServer | undefined {
    const servers = this.servers;
    const n = servers.length;
    switch (this.loadBalancer) {
      case 'least-connections': {
        let best: AppServer | undefined;
        for (const s of servers) {
          if (s.up && (best === undefined || s.busy + s.queue.length - s.queueHead < best.busy + best.queue.length - best.queueHead)) best = s;
        }
        return best;
      }
      case 'random': {
        // Draw among the servers that are up, so a failure does not shift everyone's draws.
        const start = this.balancerRandom.int(n);
        for (let i = 0; i < n; i++) if (servers[(start + i) % n].up) return servers[(start + i) % n];
        return undefined;
      }
      default:
        for (let i = 0; i < n; i++) {
          const s = servers[this.roundRobin++ % n];
          if (s.up) return s;
        }
        return undefined;
    }
  }

  private startWork(server: AppServer, req: Request): void {
    server.busy++;
    this.at(req, Stage.AppWork, this.serviceTimeMs);
  }

  /** A worker finished with a request: the next queued one starts. */
  private releaseWorker(req: Request): void {
    if (req.server < 0) return;
    const server = this.servers[req.server];
    server.busy--;
    if (server.queueHead < server.queue.length) {
      const next = server.queue[server.queueHead++];
      if (server.queueHead > 1024 && server.queueHead * 2 > server.queue.length) {
        server.queue.splice(0, server.queueHead);
        server.queueHead = 0;
      }
      this.startWork(server, next);
    }
  }

  private atWorker(req: Request): void {
    const server = this.servers[req.server];
    if (!server.up) {
      req.failed = true;
      req.servedBy = 'failed';
      return this.respondFromApp(req);
    }
    if (req.op === 'write') return this.startWrite(req, server);
    const space = this.space(req);
    if (space.kind === 'session') return this.toNodeOrDatabase(req, server);
    const local = server.local;
    if (local.enabled && req.refresh === null) {
      const key = this.cacheKey(req);
      const found = local.lookup(key, this.clock.nowMs, req.id);
      if (found !== Lookup.Miss) {
        const entry = local.found!;
        this.answer(req, entry.version, entry.dataKey, 'local');
        if (found === Lookup.HitStale) this.refreshFromDatabase(local, key, entry);
        else this.maybeRefreshAhead(local, entry, req, key);
        return this.respondFromApp(req);
      }
      req.missedLocal = true;
    }
    if (this.stampede === 'coalesce') {
      const key = this.cacheKey(req);
      const leader = server.inFlight.get(key);
      if (leader !== undefined) {
        // Waits at the worker, unscheduled, until the leader's answer wakes it.
        (leader.waiters ??= []).push(req);
        return;
      }
      server.inFlight.set(key, req);
      req.pinned = true;
    }
    this.toNodeOrDatabase(req, server);
  }

  /** After the local cache: the distributed cache if there is one up, else the database. */
  private toNodeOrDatabase(req: Request, server: AppServer): void {
    if (this.distributedEnabled) {
      const node = this.ring.primaryFor(this.cacheKey(req));
      if (node >= 0) {
        req.node = node;
        return this.send(req, server.id, this.nodes[node].id, this.appToCacheMs, Stage.CacheNode);
      }
    }
    if (this.space(req).kind === 'session') return this.sessionMissing(req);
    this.toDatabase(req, server.id);
  }

  private toDatabase(req: Request, from: NodeId): void {
    const replicas = this.replicas.length;
    req.replica = req.op === 'read' && replicas > 0 && this.readsFromReplicas ? this.replicaRoundRobin++ % replicas : -1;
    this.send(req, from, req.replica >= 0 ? this.replicas[req.replica].id : 'db', this.appToDatabaseMs, Stage.Database);
  }

  /** The node's answer travels back to the app. */
  private backToApp(req: Request, node: CacheInstance): void {
    this.send(req, node.id, this.servers[req.server].id, this.appToCacheMs, Stage.AppFromCache);
  }

  private atNode(req: Request): void {
    const node = this.nodes[req.node];
    const key = this.cacheKey(req);
    if (!node.up || !node.enabled) return this.backToApp(req, node); // it failed while the request travelled: a miss the app handles
    if (req.op === 'write') return this.writeAtNode(req, node, key);
    const found = node.lookup(key, this.clock.nowMs, req.id);
    if (found !== Lookup.Miss) {
      const entry = node.found!;
      if (found === Lookup.Hit && this.refreshesEarly(entry)) {
        // XFetch: this request recomputes the value before it expires, so the key never goes cold.
        req.epoch = node.epoch(key);
        return this.loadAfterNodeMiss(req, node, key);
      }
      this.answer(req, entry.version, entry.dataKey, 'distributed');
      if (found === Lookup.HitStale) this.refreshFromDatabase(node, key, entry);
      else this.maybeRefreshAhead(node, entry, req, key);
      return this.backToApp(req, node);
    }
    req.epoch = node.epoch(key);
    if (this.space(req).kind === 'session') return this.backToApp(req, node);
    this.loadAfterNodeMiss(req, node, key);
  }

  private loadAfterNodeMiss(req: Request, node: CacheInstance, key: number): void {
    if (this.stampede === 'lock') {
      const heldUntil = this.locks.get(key);
      if (heldUntil !== undefined && heldUntil > this.clock.nowMs && !req.holdsLock) {
        req.locked = true;
        return this.backToApp(req, node);
      }
      this.locks.set(key, this.clock.nowMs + 1000);
      req.holdsLock = true;
    }
    if (this.readPolicy === 'read-through') {
      req.dbToNode = true;
      return this.toDatabase(req, node.id);
    }
    this.backToApp(req, node);
  }

  private atAppFromCache(req: Request): void {
    const server = this.servers[req.server];
    // Answered (a hit, a read-through load, a stored write), or failed at the database: reply.
    // servedBy stays 'failed' until something answers, and `failed` marks a real failure.
    if (req.failed || req.servedBy !== 'failed') return this.respondFromApp(req);
    if (req.locked) {
      req.locked = false;
      return this.at(req, Stage.LockWait, this.config.policies.lockRetryMs);
    }
    if (this.space(req).kind === 'session') return this.sessionMissing(req);
    this.toDatabase(req, server.id);
  }

  private atDatabase(req: Request): void {
    const db = req.replica >= 0 ? this.replicas[req.replica] : this.database;
    if (!this.databaseUp && req.replica < 0) {
      if (req.isFlush) return this.at(req, Stage.Database, this.config.policies.writeBackFlushMs);
      req.failed = true;
      req.servedBy = 'failed';
      return this.fromDatabase(req);
    }
    if (db.busy < this.maxConcurrent) this.startQuery(db, req);
    else {
      db.queue.push(req);
      this.noteQueue(db);
    }
  }

  private noteQueue(db: DatabaseServer): void {
    const length = db.queue.length - db.queueHead;
    this.metrics.queue(length);
    if (db !== this.database) return;
    const threshold = this.config.topology.database.overloadQueue;
    const overloaded = length >= threshold;
    if (overloaded !== this.databaseOverloaded) {
      this.databaseOverloaded = overloaded;
      this.databaseActor.send({ type: 'db.load', queueLength: length });
      if (this.sink.on) this.sink.emit({ type: 'node.state', t: this.clock.nowMs, node: 'db', state: this.databaseState() });
    }
  }

  private startQuery(db: DatabaseServer, req: Request): void {
    db.busy++;
    let ms = req.op === 'read' ? this.readMs : this.writeMs;
    if (db === this.database && this.bufferPool.enabled) {
      const found = this.bufferPool.lookup(req.dataKey, this.clock.nowMs, req.id);
      if (found === Lookup.Miss) {
        if (req.op === 'read') ms += this.diskReadMs;
        this.bufferPool.fill(req.dataKey, req.dataKey, this.truth.committedVersion(req.dataKey), req.sizeBytes, this.clock.nowMs, req.id);
      }
    } else if (req.op === 'read') {
      // No page cache: every read goes to disk.
      ms += this.diskReadMs;
    }
    this.at(req, Stage.DatabaseDone, ms * this.databaseSlowFactor);
  }

  private atDatabaseDone(req: Request): void {
    const db = req.replica >= 0 ? this.replicas[req.replica] : this.database;
    db.busy--;
    if (db.queueHead < db.queue.length) {
      const next = db.queue[db.queueHead++];
      if (db.queueHead > 1024 && db.queueHead * 2 > db.queue.length) {
        db.queue.splice(0, db.queueHead);
        db.queueHead = 0;
      }
      this.startQuery(db, next);
      this.noteQueue(db);
    }
    const now = this.clock.nowMs;
    const queued = db.queue.length - db.queueHead;
    this.metrics.databaseQuery(req.op, queued);
    if (req.isFlush) return this.flushCommitted(req);
    if (req.op === 'write') return this.commitWrite(req);
    const version =
      req.replica >= 0 ? this.truth.replicaVersion(req.dataKey, now, this.config.topology.database.replicationLagMs) : this.truth.committedVersion(req.dataKey);
    if (this.sink.on) this.sink.emit({ type: 'database.read', t: now, req: req.id, node: db.id, key: this.keys.name(req.dataKey), version, queued });
    this.answer(req, version, req.dataKey, req.replica >= 0 ? 'replica' : 'database');
    this.fromDatabase(req);
  }

  /** The database's answer travels back to whoever asked: the app, a node, or a refresh's cache. */
  private fromDatabase(req: Request): void {
    const db: NodeId = req.replica >= 0 ? this.replicas[req.replica].id : 'db';
    const ms = this.appToDatabaseMs;
    if (req.refresh !== null) {
      const target = req.refresh;
      if (!req.failed) {
        if (target.tier === 'local' || target.tier === 'distributed') {
          this.move(req, Stage.Done);
          // The refreshed cache is a node or an app: the answer hops there, then fills.
          const arrive = this.clock.nowMs + this.hopMs(ms);
          if (this.sink.on) this.sink.emit({ type: 'hop', t: this.clock.nowMs, req: req.id, from: db, to: target.node, arriveMs: arrive });
          this.scheduler.schedule(arrive, this.newCacheMessage(TaskKind.CacheSet, target, req.refreshKey, req.id, req.dataKey, req.version, req.sizeBytes, -2));
          return this.recycle(req);
        }
      }
      this.move(req, Stage.Done);
      const entry = target.peek(req.refreshKey);
      if (entry !== undefined) entry.refreshing = false;
      return this.recycle(req);
    }
    if (req.dbToNode) return this.send(req, db, this.nodes[req.node].id, ms, Stage.CacheFromDatabase);
    this.send(req, db, this.servers[req.server].id, ms, Stage.AppFromDatabase);
  }

  private atNodeFromDatabase(req: Request): void {
    const node = this.nodes[req.node];
    const key = this.cacheKey(req);
    if (req.op === 'write') {
      // Write-through: the node stores the committed version at the commit's instant (commitWrite).
    } else if (!req.failed) {
      this.fillNodes(key, req, req.epoch);
    }
    this.releaseLock(req, key);
    this.send(req, node.id, this.servers[req.server].id, this.appToCacheMs, Stage.AppFromCache);
  }

  private atAppFromDatabase(req: Request): void {
    if (req.op === 'write') {
      if (!req.failed) this.afterWriteAtApp(req);
      return this.respondFromApp(req);
    }
    const key = this.cacheKey(req);
    if (req.op === 'read' && !req.failed && this.distributedEnabled && req.node >= 0) {
      // Cache-aside: the app stores what it read. The SET travels, so a write can slip in between.
      const copies = this.copiesFor(key);
      for (const node of copies) this.sendSet(this.servers[req.server].id, node, key, req, req.node === node ? req.epoch : -1);
    }
    this.releaseLock(req, key);
    this.respondFromApp(req);
  }

  private releaseLock(req: Request, key: number): void {
    if (req.holdsLock) {
      this.locks.delete(key);
      req.holdsLock = false;
    }
  }

  /** The app answers: it fills its local cache, wakes coalesced waiters, frees the worker, replies. */
  private respondFromApp(req: Request): void {
    const server = this.servers[req.server];
    if (req.op === 'read' && !req.failed && req.missedLocal && server.local.enabled) {
      server.local.fill(this.cacheKey(req), req.valueKey, req.version, req.sizeBytes, this.clock.nowMs, req.id);
    }
    if (this.stampede === 'coalesce' && req.op === 'read') {
      const key = this.cacheKey(req);
      if (server.inFlight.get(key) === req) server.inFlight.delete(key);
    }
    if (req.waiters !== null) {
      for (const waiter of req.waiters) {
        waiter.version = req.version;
        waiter.valueKey = req.valueKey;
        waiter.servedBy = req.servedBy;
        waiter.failed = req.failed;
        this.releaseWorker(waiter);
        this.reply(waiter);
      }
      req.waiters = null;
    }
    this.releaseWorker(req);
    this.reply(req);
  }

  /** Sends the answer back toward the client (through the CDN if it came that way). */
  private reply(req: Request): void {
    const from: NodeId = req.server >= 0 ? this.servers[req.server].id : 'lb';
    if (req.viaCdn) return this.send(req, from, 'cdn', this.cdnToAppMs, Stage.CdnReply);
    if (req.client < 0) {
      this.move(req, Stage.Done);
      return this.recycle(req);
    }
    this.send(req, from, this.clientNode(req), this.clientToCdnMs + this.cdnToAppMs, Stage.ClientReply);
  }

  private atCdnReply(req: Request): void {
    if (req.missedCdn && !req.failed && req.op === 'read') {
      this.cdn.fill(this.cacheKey(req), req.valueKey, req.version, req.sizeBytes, this.clock.nowMs, req.id);
    }
    if (req.refresh === this.cdn || req.client < 0) {
      const entry = this.cdn.peek(this.cacheKey(req));
      if (entry !== undefined) entry.refreshing = false;
      this.move(req, Stage.Done);
      return this.recycle(req);
    }
    this.send(req, 'cdn', this.clientNode(req), this.clientToCdnMs, Stage.ClientReply);
  }

  private atClientReply(req: Request): void {
    if (req.op === 'read' && req.missedBrowser && !req.failed) {
      this.browser(req.client).fill(req.dataKey, req.valueKey, req.version, req.sizeBytes, this.clock.nowMs, req.id);
    }
    if (req.op === 'write' && !req.failed && this.browserEnabled) {
      // RFC 9111 §4.4: a successful unsafe request invalidates the cache's copy of the target.
      this.browser(req.client).invalidate(req.dataKey, this.clock.nowMs, 'write');
    }
    if (req.refresh !== null) {
      const entry = req.refresh.peek(req.dataKey);
      if (entry !== undefined) entry.refreshing = false;
      this.move(req, Stage.Done);
      return this.recycle(req);
    }
    this.complete(req);
  }

  /** Records what the request was answered with. */
  private answer(req: Request, version: number, valueKey: number, servedBy: ServedBy): void {
    req.version = version;
    req.valueKey = valueKey;
    req.servedBy = servedBy;
  }

  /** The user has the answer: check it against the truth and count it. */
  private complete(req: Request): void {
    this.move(req, Stage.Done);
    const now = this.clock.nowMs;
    const latencyMs = now - req.issuedAtMs;
    const ok = !req.failed;
    if (ok && req.op === 'read') {
      if (req.valueKey !== req.dataKey) {
        const owner = this.keys.ownerOf(req.valueKey);
        this.metrics.leaks++;
        if (this.sink.on) this.sink.emit({ type: 'leak', t: now, req: req.id, client: req.client, key: this.keys.name(req.dataKey), owner });
      } else {
        const truth = this.truth.version(req.dataKey);
        if (req.version < truth) {
          const stalenessMs = this.truth.stalenessMs(req.dataKey, req.version, now);
          this.metrics.staleRead(stalenessMs);
          if (this.sink.on)
            this.sink.emit({ type: 'read.stale', t: now, req: req.id, client: req.client, key: this.keys.name(req.dataKey), version: req.version, truthVersion: truth, stalenessMs });
        }
      }
    }
    const fromCache = req.servedBy === 'browser' || req.servedBy === 'cdn' || req.servedBy === 'local' || req.servedBy === 'distributed';
    this.metrics.done(req.op, latencyMs, fromCache, ok);
    if (this.sink.on)
      this.sink.emit({ type: 'request.done', t: now, req: req.id, client: req.client, op: req.op, key: this.keys.name(req.dataKey), latencyMs, servedBy: req.servedBy });
    this.onRequestDone();
    this.recycle(req);
  }

  // ---------------------------------------------------------------- sessions

  private session(client: number): Actor<typeof sessionMachine> {
    let actor = this.sessions.get(client);
    if (actor === undefined) {
      actor = createActor(sessionMachine).start();
      this.sessions.set(client, actor);
    }
    return actor;
  }

  /**
   * A session key was not in the cache (its store of record): a user who was logged in is logged
   * out. Either way the app logs the user in, storing a new session.
   */
  private sessionMissing(req: Request): void {
    const session = this.session(req.client);
    if (session.getSnapshot().value === 'loggedIn') {
      session.send({ type: 'session.lost' });
      this.metrics.loggedOut++;
      const node: NodeId = req.node >= 0 ? `cache:${req.node}` : 'app';
      if (this.sink.on) this.sink.emit({ type: 'session.lost', t: this.clock.nowMs, client: req.client, node });
    }
    session.send({ type: 'session.login' });
    const version = this.truth.nextVersion(req.dataKey);
    this.truth.acknowledge(req.dataKey, version, this.clock.nowMs);
    this.truth.commit(req.dataKey, version, this.clock.nowMs);
    if (this.sink.on)
      this.sink.emit({ type: 'write.ack', t: this.clock.nowMs, req: req.id, client: req.client, key: this.keys.name(req.dataKey), version });
    const key = this.cacheKey(req);
    for (const node of this.copiesFor(key)) this.nodes[node].write(key, req.dataKey, version, req.sizeBytes, this.clock.nowMs, req.id, false);
    this.answer(req, version, req.dataKey, 'session-store');
    this.respondFromApp(req);
  }

  // ---------------------------------------------------------------- writes

  private startWrite(req: Request, server: AppServer): void {
    const policy = this.writePolicy;
    const cacheUp = this.distributedEnabled && this.ring.primaryFor(this.cacheKey(req)) >= 0;
    const session = this.space(req).kind === 'session';
    if (session && !cacheUp) return this.sessionMissing(req);
    if ((policy === 'write-through' || policy === 'write-back' || session) && cacheUp) {
      req.node = this.ring.primaryFor(this.cacheKey(req));
      return this.send(req, server.id, this.nodes[req.node].id, this.appToCacheMs, Stage.CacheNode);
    }
    this.toDatabase(req, server.id);
  }

  private writeAtNode(req: Request, node: CacheInstance, key: number): void {
    if (this.space(req).kind === 'session') {
      // The cache is a session's store of record: storing it is the acknowledgement.
      const version = this.truth.nextVersion(req.dataKey);
      this.acknowledgeWrite(req, version);
      this.truth.commit(req.dataKey, version, this.clock.nowMs);
      for (const n of this.copiesFor(key)) this.nodes[n].write(key, req.dataKey, version, req.sizeBytes, this.clock.nowMs, req.id, false);
      this.answer(req, version, req.dataKey, 'session-store');
      return this.backToApp(req, node);
    }
    if (this.writePolicy === 'write-back') {
      const version = this.truth.nextVersion(req.dataKey);
      this.acknowledgeWrite(req, version);
      for (const n of this.copiesFor(key)) this.nodes[n].write(key, req.dataKey, version, req.sizeBytes, this.clock.nowMs, req.id, true);
      this.scheduleFlush(key, req, req.node);
      this.answer(req, version, req.dataKey, 'distributed');
      return this.send(req, node.id, this.servers[req.server].id, this.appToCacheMs, Stage.AppFromCache);
    }
    // Write-through: the node passes the write to the database and stores it when it commits.
    req.dbToNode = true;
    this.toDatabase(req, node.id);
  }

  /** The database committed a write: the truth moves, caches are told as the write policy says. */
  private commitWrite(req: Request): void {
    const now = this.clock.nowMs;
    const version = this.truth.nextVersion(req.dataKey);
    this.truth.commit(req.dataKey, version, now);
    if (this.sink.on) this.sink.emit({ type: 'database.write', t: now, req: req.id, node: 'db', key: this.keys.name(req.dataKey), version });
    this.acknowledgeWrite(req, version);
    this.answer(req, version, req.dataKey, 'database');
    const key = this.cacheKey(req);
    if (req.dbToNode) {
      // Write-through: the cache holds the new version from the instant it is the truth.
      for (const n of this.copiesFor(key)) this.nodes[n].write(key, req.dataKey, version, req.sizeBytes, now, req.id, false);
      return this.fromDatabase(req);
    }
    this.fromDatabaseAfterWrite(req);
  }

  /** Write-around, update on write, or a write with no cache: the app tells its caches on the answer. */
  private fromDatabaseAfterWrite(req: Request): void {
    const policy = this.writePolicy;
    req.cacheWork =
      policy === 'write-around' ? 'none' : policy === 'write-around-invalidate' ? 'invalidate' : 'update';
    this.fromDatabase(req);
  }

  /** Runs at the app when a write's commit reaches it (Stage.AppFromDatabase for writes). */
  private afterWriteAtApp(req: Request): void {
    const server = this.servers[req.server];
    const key = this.cacheKey(req);
    const now = this.clock.nowMs;
    const work = req.cacheWork;
    if (server.local.enabled) {
      if (work === 'update') server.local.write(key, req.dataKey, req.version, req.sizeBytes, now, req.id, false);
      else server.local.invalidate(key, now, 'write');
    }
    if (this.distributedEnabled && work !== 'none') {
      for (const node of this.copiesFor(key)) {
        if (work === 'update') this.sendSet(server.id, node, key, req, -1, true);
        else this.sendDelete(server.id, node, key, req.id);
      }
    }
  }

  private acknowledgeWrite(req: Request, version: number): void {
    this.truth.acknowledge(req.dataKey, version, this.clock.nowMs);
    if (this.sink.on) this.sink.emit({ type: 'write.ack', t: this.clock.nowMs, req: req.id, client: req.client, key: this.keys.name(req.dataKey), version });
    this.publish(req);
  }

  /** The invalidation bus tells the other app servers' local caches and the CDN to drop the key. */
  private publish(req: Request): void {
    const bus = this.config.topology.bus;
    if (!bus.enabled) return;
    const key = this.cacheKey(req);
    const targets: CacheInstance[] = [];
    if (this.config.topology.appServers.local.enabled) for (const s of this.servers) if (s.index !== req.server) targets.push(s.local);
    if (this.config.topology.cdn.enabled) targets.push(this.cdn);
    const now = this.clock.nowMs;
    for (const target of targets) {
      const lost = this.busRandom.chance(bus.lossProbability);
      const arriveMs = now + this.hopMs(bus.delayMs);
      if (this.sink.on) this.sink.emit({ type: 'bus.message', t: now, key: this.keys.name(key), to: target.node, arriveMs, lost });
      if (!lost) this.scheduler.schedule(arriveMs, this.newCacheMessage(TaskKind.BusMessage, target, -1, key, -1, 0, 0, -1));
    }
  }

  // ---------------------------------------------------------------- write-back

  private scheduleFlush(key: number, req: Request, node: number): void {
    if (this.flushes.has(key)) return;
    const msg = message(TaskKind.Flush, { key, dataKey: req.dataKey, sizeBytes: req.sizeBytes, target: node });
    this.flushes.set(key, { message: msg, inFlightVersion: 0 });
    this.scheduler.schedule(this.clock.nowMs + this.config.policies.writeBackFlushMs, msg);
  }

  /** A flush falls due: the node sends its dirty version to the database. */
  private flushDue(msg: Message): void {
    const pending = this.flushes.get(msg.key);
    if (pending === undefined || pending.message !== msg) return; // cancelled by a crash
    this.flushes.delete(msg.key);
    // Every node holding unflushed writes of the key sends them, even one the ring has since moved
    // the key away from.
    for (const node of this.nodes) {
      const entry = node.up ? node.peek(msg.key) : undefined;
      if (entry !== undefined && entry.dirtyWrites > 0) this.flushNow(node, msg.key, entry);
    }
  }

  /** Sends an entry's unflushed writes to the database now (due, or evicted while dirty). */
  private flushNow(instance: CacheInstance, key: number, entry: CacheEntry): void {
    if (instance.tier !== 'distributed') return;
    const version = entry.version;
    for (const n of this.nodes) {
      const copy = n.peek(key);
      if (copy !== undefined && copy.version <= version) copy.dirtyWrites = 0;
    }
    const flush = this.newRequest();
    flush.op = 'write';
    flush.dataKey = entry.dataKey;
    flush.sizeBytes = entry.sizeBytes;
    flush.version = version;
    flush.issuedAtMs = this.clock.nowMs;
    flush.isFlush = true;
    const pending = this.flushes.get(key);
    if (pending !== undefined) this.flushes.delete(key);
    this.inFlightFlushes.set(entry.dataKey, Math.max(this.inFlightFlushes.get(entry.dataKey) ?? 0, version));
    if (this.sink.on) this.sink.emit({ type: 'hop', t: this.clock.nowMs, req: flush.id, from: instance.node, to: 'db', arriveMs: this.clock.nowMs + this.appToDatabaseMs });
    flush.stage = Stage.CacheNode;
    this.move(flush, Stage.Database);
    this.scheduler.schedule(this.clock.nowMs + this.hopMs(this.appToDatabaseMs), flush);
  }

  /** Versions of write-back flushes on their way to the database, per data key. */
  private readonly inFlightFlushes = new Map<number, number>();

  private flushCommitted(req: Request): void {
    const now = this.clock.nowMs;
    this.truth.commit(req.dataKey, req.version, now);
    if (this.inFlightFlushes.get(req.dataKey) === req.version) this.inFlightFlushes.delete(req.dataKey);
    if (this.sink.on) this.sink.emit({ type: 'writeback.flush', t: now, key: this.keys.name(req.dataKey), version: req.version, node: 'db' });
    this.move(req, Stage.Done);
    this.recycle(req);
  }

  // ---------------------------------------------------------------- refreshes

  private refreshesEarly(entry: CacheEntry): boolean {
    if (this.stampede !== 'early-refresh' || entry.ttlMs === Infinity) return false;
    const settings = this.config.topology.database;
    const deltaMs = settings.readMs + settings.diskReadMs + 2 * this.appToDatabaseMs;
    const u = 1 - this.refreshRandom.next();
    return this.clock.nowMs - deltaMs * this.config.policies.earlyRefreshBeta * Math.log(u) >= entry.expiresAtMs;
  }

  private maybeRefreshAhead(instance: CacheInstance, entry: CacheEntry, req: Request, key = -1): void {
    const fraction = instance.config.ttl.refreshAheadFraction;
    if (fraction <= 0 || entry.ttlMs === Infinity || entry.refreshing) return;
    if (entry.expiresAtMs - this.clock.nowMs > fraction * entry.ttlMs) return;
    if (instance.tier === 'local' || instance.tier === 'distributed') this.refreshFromDatabase(instance, key, entry);
    else this.refreshThroughOrigin(instance, req);
  }

  /** A background read from the database that refills a local cache or a node. */
  private refreshFromDatabase(instance: CacheInstance, key: number, entry: CacheEntry): void {
    if (entry.refreshing) return;
    entry.refreshing = true;
    const req = this.newRequest();
    req.dataKey = entry.dataKey;
    req.valueKey = entry.dataKey;
    req.sizeBytes = entry.sizeBytes;
    req.issuedAtMs = this.clock.nowMs;
    req.refresh = instance;
    req.refreshKey = key;
    req.space = this.keys.rangeOf(entry.dataKey).space;
    req.stage = instance.tier === 'local' ? Stage.AppWork : Stage.CacheNode;
    this.send(req, instance.node, 'db', this.appToDatabaseMs, Stage.Database);
  }

  /** A background revalidation of a browser or CDN copy, through the usual path to the app. */
  private refreshThroughOrigin(instance: CacheInstance, user: Request): void {
    const key = instance.tier === 'browser' ? user.dataKey : this.cacheKey(user);
    const entry = instance.peek(key);
    if (entry === undefined || entry.refreshing) return;
    entry.refreshing = true;
    const req = this.newRequest();
    req.client = instance.tier === 'browser' ? user.client : -1;
    req.space = user.space;
    req.keyIndex = user.keyIndex;
    req.dataKey = user.dataKey;
    req.valueKey = user.dataKey;
    req.sizeBytes = user.sizeBytes;
    req.issuedAtMs = this.clock.nowMs;
    req.refresh = instance;
    if (instance.tier === 'browser') {
      req.missedBrowser = true;
      req.client = user.client;
      req.stage = Stage.Client;
    } else {
      req.stage = Stage.Cdn;
      req.viaCdn = true;
      req.missedCdn = true;
    }
    this.send(req, instance.node, 'lb', this.cdnToAppMs, Stage.App);
  }

  // ---------------------------------------------------------------- messages

  /** The nodes that hold a key, primary first. The array is reused: do not keep it. */
  private copiesFor(key: number): number[] {
    const list = this.nodeList;
    if (this.replication === 1) {
      const primary = this.ring.primaryFor(key);
      // Emptied with pops and refilled: setting length is a call into the runtime.
      while (list.length > 0) list.pop();
      if (primary >= 0) list.push(primary);
      return list;
    }
    this.ring.nodesFor(key, this.replication, list);
    return list;
  }

  private fillNodes(key: number, req: Request, epoch: number): void {
    for (const n of this.copiesFor(key)) {
      this.nodes[n].fill(key, req.valueKey, req.version, req.sizeBytes, this.clock.nowMs, req.id, n === req.node ? epoch : -1);
    }
  }

  private sendSet(from: NodeId, node: number, key: number, req: Request, epoch: number, isWrite = false): void {
    const now = this.clock.nowMs;
    const arriveMs = now + this.hopMs(this.appToCacheMs);
    if (this.sink.on) this.sink.emit({ type: 'hop', t: now, req: req.id, from, to: `cache:${node}`, arriveMs });
    this.scheduler.schedule(
      arriveMs,
      this.newCacheMessage(TaskKind.CacheSet, this.nodes[node], key, req.id, req.valueKey, req.version, req.sizeBytes, isWrite ? -3 : epoch),
    );
  }

  private sendDelete(from: NodeId, node: number, key: number, reqId: number): void {
    const now = this.clock.nowMs;
    const arriveMs = now + this.hopMs(this.appToCacheMs);
    if (this.sink.on) this.sink.emit({ type: 'hop', t: now, req: reqId, from, to: `cache:${node}`, arriveMs });
    this.scheduler.schedule(arriveMs, this.newCacheMessage(TaskKind.CacheDelete, this.nodes[node], -1, key, -1, 0, 0, -1));
  }

  /** Handles a scheduled message other than a request or a command. */
  handle(msg: Message): void {
    const now = this.clock.nowMs;
    switch (msg.kind) {
      case TaskKind.CacheSet: {
        const instance = msg.instance!;
        if (msg.epoch === -2) {
          // A background refresh's answer: fill (guarded by nothing but version order) and clear the flag.
          instance.fill(msg.target, msg.dataKey, msg.version, msg.sizeBytes, now, msg.key);
          const entry = instance.peek(msg.target);
          if (entry !== undefined) entry.refreshing = false;
        } else if (msg.epoch === -3) {
          instance.write(msg.target, msg.dataKey, msg.version, msg.sizeBytes, now, msg.key, false);
        } else {
          instance.fill(msg.target, msg.dataKey, msg.version, msg.sizeBytes, now, msg.key, msg.epoch);
        }
        this.messagePool.push(msg);
        return;
      }
      case TaskKind.CacheDelete:
        msg.instance!.invalidate(msg.key, now, 'write');
        this.messagePool.push(msg);
        return;
      case TaskKind.BusMessage:
        if (msg.instance!.enabled) msg.instance!.invalidate(msg.key, now, 'bus');
        this.messagePool.push(msg);
        return;
      case TaskKind.Flush:
        return this.flushDue(msg);
      case TaskKind.NodeWarmed: {
        const actor = this.nodeActors[msg.target];
        if (actor.getSnapshot().value === 'warming') {
          actor.send({ type: 'node.warmed' });
          this.nodes[msg.target].warming = false;
          if (this.sink.on) this.sink.emit({ type: 'node.state', t: now, node: `cache:${msg.target}`, state: 'up' });
        }
        return;
      }
    }
  }

  // ---------------------------------------------------------------- faults

  failNode(index: number): void {
    const node = this.nodes[index];
    if (node === undefined || !node.up) return;
    const now = this.clock.nowMs;
    this.nodeActors[index].send({ type: 'node.fail' });
    this.metrics.cacheNodeFailures++;
    const dirty = node.crash();
    node.warming = false;
    for (const { key, entry } of dirty) {
      // Lost unless another live copy still holds these writes.
      const survivor = this.nodes.some((n, i) => i !== index && n.up && (n.peek(key)?.dirtyWrites ?? 0) > 0);
      if (survivor) continue;
      this.metrics.lostWrites += entry.dirtyWrites;
      if (this.sink.on) this.sink.emit({ type: 'write.lost', t: now, key: this.keys.name(entry.dataKey), version: entry.version, node: node.id });
      this.flushes.delete(key);
      const surviving = Math.max(this.truth.committedVersion(entry.dataKey), this.inFlightFlushes.get(entry.dataKey) ?? 0);
      if (this.truth.version(entry.dataKey) > surviving) this.truth.acknowledge(entry.dataKey, surviving, now);
    }
    this.ring.rebuild((n) => this.nodes[n].up);
    if (this.sink.on) this.sink.emit({ type: 'node.down', t: now, node: node.id });
  }

  recoverNode(index: number): void {
    const node = this.nodes[index];
    if (node === undefined || node.up) return;
    this.nodeActors[index].send({ type: 'node.recover' });
    node.up = true;
    node.warming = true;
    this.ring.rebuild((n) => this.nodes[n].up);
    if (this.replication > 1) this.resync(index);
    if (this.sink.on) this.sink.emit({ type: 'node.up', t: this.clock.nowMs, node: node.id });
    this.scheduler.schedule(this.clock.nowMs + this.config.topology.distributed.warmupMs, message(TaskKind.NodeWarmed, { target: index }));
  }

  /**
   * With replication, a node that comes back copies from the other replicas the keys it should
   * hold, as a Redis replica resyncs from its primary: only an unreplicated node returns empty.
   */
  private resync(index: number): void {
    const node = this.nodes[index];
    const now = this.clock.nowMs;
    for (const other of this.nodes) {
      if (other === node || !other.up) continue;
      for (const key of [...other.keys()]) {
        if (node.peek(key) !== undefined || !this.copiesFor(key).includes(index)) continue;
        const entry = other.peek(key)!;
        node.write(key, entry.dataKey, entry.version, entry.sizeBytes, now, -1, entry.dirtyWrites > 0);
      }
    }
  }

  failServer(index: number): void {
    const server = this.servers[index];
    if (server === undefined || !server.up) return;
    server.up = false;
    server.actor.send({ type: 'server.fail' });
    server.local.crash();
    const queued = server.queue.slice(server.queueHead);
    server.queue.length = 0;
    server.queueHead = 0;
    for (const req of queued) {
      req.failed = true;
      req.servedBy = 'failed';
      req.server = -1;
      this.reply(req);
    }
    if (this.sink.on) this.sink.emit({ type: 'node.down', t: this.clock.nowMs, node: server.id });
  }

  recoverServer(index: number): void {
    const server = this.servers[index];
    if (server === undefined || server.up) return;
    server.up = true;
    server.local.up = true;
    server.actor.send({ type: 'server.recover' });
    if (this.sink.on) this.sink.emit({ type: 'node.up', t: this.clock.nowMs, node: server.id });
  }

  failDatabase(): void {
    if (!this.databaseUp) return;
    this.databaseUp = false;
    this.databaseActor.send({ type: 'db.fail' });
    const queued = this.database.queue.slice(this.database.queueHead);
    this.database.queue.length = 0;
    this.database.queueHead = 0;
    for (const req of queued) {
      req.failed = true;
      req.servedBy = 'failed';
      if (req.isFlush) this.at(req, Stage.Database, this.config.policies.writeBackFlushMs);
      else this.fromDatabase(req);
    }
    if (this.sink.on) this.sink.emit({ type: 'node.down', t: this.clock.nowMs, node: 'db' });
  }

  recoverDatabase(): void {
    if (this.databaseUp) return;
    this.databaseUp = true;
    this.databaseOverloaded = false;
    this.databaseActor.send({ type: 'db.recover' });
    if (this.sink.on) this.sink.emit({ type: 'node.up', t: this.clock.nowMs, node: 'db' });
  }

  slowDatabase(factor: number): void {
    this.databaseSlowFactor = factor;
  }

  databaseState(): string {
    return String(this.databaseActor.getSnapshot().value);
  }

  // ---------------------------------------------------------------- configuration

  /** Applies a tier's new settings to every instance of it. */
  configureTier(tier: TierName, config: TierConfig): void {
    const now = this.clock.nowMs;
    switch (tier) {
      case 'browser':
        this.config.topology.browser = config;
        break;
      case 'cdn':
        this.config.topology.cdn = config;
        break;
      case 'local':
        this.config.topology.appServers.local = config;
        break;
      case 'distributed': {
        const before = this.config.topology.distributed.replication;
        this.config.topology.distributed = { ...this.config.topology.distributed, ...config };
        this.settingsChanged();
        // More copies: every node takes copies of the keys it now holds a replica of (a full sync).
        if (this.config.topology.distributed.replication > before) this.nodes.forEach((n, i) => n.up && this.resync(i));
        break;
      }
      case 'bufferPool':
        this.config.topology.database.bufferPool = config;
        break;
    }
    this.settingsChanged();
    for (const instance of this.instancesOf(tier)) instance.configure(config, now);
  }

  /**
   * Copies the hot settings out of `config` again. Call after anything changes `config` (every
   * command does, through applyCommand); it also retires the cache keys requests keep.
   */
  settingsChanged(): void {
    const { latency, policies, topology } = this.config;
    this.keySpaces = this.config.workload.keySpaces;
    this.clientToCdnMs = latency.clientToCdnMs;
    this.cdnToAppMs = latency.cdnToAppMs;
    this.appToCacheMs = latency.appToCacheMs;
    this.appToDatabaseMs = latency.appToDatabaseMs;
    this.jitter = latency.jitter;
    this.stampede = policies.stampede;
    this.readPolicy = policies.read;
    this.writePolicy = policies.write;
    this.cacheKeyIncludesUser = policies.cacheKeyIncludesUser;
    this.browserEnabled = topology.browser.enabled;
    this.cdnEnabled = topology.cdn.enabled;
    this.distributedEnabled = topology.distributed.enabled;
    this.replication = topology.distributed.replication;
    this.workers = topology.appServers.workers;
    this.serviceTimeMs = topology.appServers.serviceTimeMs;
    this.loadBalancer = topology.appServers.loadBalancer;
    this.maxConcurrent = topology.database.maxConcurrent;
    this.readMs = topology.database.readMs;
    this.writeMs = topology.database.writeMs;
    this.diskReadMs = topology.database.diskReadMs;
    this.readsFromReplicas = topology.database.readsFromReplicas;
    this.settingsEpoch++;
  }

  /** Keys held anywhere in a tier (for purges). */
  purge(tier: TierName, test: (name: string) => boolean): number {
    let count = 0;
    for (const instance of this.instancesOf(tier)) count += instance.purge(test, this.clock.nowMs);
    return count;
  }

  updateKeySpace(index: number, space: KeySpace): void {
    this.config.workload.keySpaces[index] = space;
    this.keys.update(index, space);
    this.truth.ensure(this.keys.size);
    this.settingsChanged();
  }

  /** Tier settings now, in tier order, for the metrics report. */
  tierStates(): { enabled: boolean; entries: number }[] {
    const t = this.config.topology;
    const sum = (list: CacheInstance[]) => list.reduce((n, c) => n + c.count, 0);
    return [
      { enabled: t.browser.enabled, entries: sum(this.instancesOf('browser')) },
      { enabled: t.cdn.enabled, entries: this.cdn.count },
      { enabled: t.appServers.local.enabled, entries: sum(this.instancesOf('local')) },
      { enabled: t.distributed.enabled, entries: sum(this.nodes) },
      { enabled: t.database.bufferPool.enabled, entries: this.bufferPool.count },
    ];
  }

  /** The topology's counts for the snapshot. */
  serverLoad(index: number): { busy: number; queued: number; up: boolean } {
    const s = this.servers[index];
    return { busy: s.busy, queued: s.queue.length - s.queueHead, up: s.up };
  }

  databaseLoad(): { busy: number; queued: number } {
    return { busy: this.database.busy, queued: this.database.queue.length - this.database.queueHead };
  }

  replicaLoad(index: number): { busy: number; queued: number } {
    const r = this.replicas[index];
    return { busy: r.busy, queued: r.queue.length - r.queueHead };
  }

  nodeState(index: number): string {
    return String(this.nodeActors[index].getSnapshot().value);
  }

  serverState(index: number): string {
    return String(this.servers[index].actor.getSnapshot().value);
  }

  browserCaches(): CacheInstance[] {
    return [...this.browsers.values()];
  }
}
