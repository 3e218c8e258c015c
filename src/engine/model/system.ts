import type { TierName } from '../scenario/commandSchema';
import type { KeySpace, TierConfig } from '../scenario/parts';
import type { Scenario } from '../scenario/schema';
import { tierIndex, type MetricsCollector } from '../metrics/collector';
import type { Scheduler } from '../scheduler';
import { Refresh } from './appPolicies/refresh';
import { Stampede } from './appPolicies/stampede';
import { WriteBack } from './appPolicies/writeBack';
import { CacheInstance, type CacheWorld } from './cache/cacheInstance';
import { AppServer } from './components/appServer';
import { CacheCluster } from './components/cacheCluster';
import { Clients } from './components/clients';
import { Database, DatabaseServer } from './components/databaseServer';
import { InvalidationBus } from './components/invalidationBus';
import { LoadBalancer } from './components/loadBalancer';
import { Network } from './components/network';
import { Sessions } from './components/sessions';
import type { EventSink } from './eventSink';
import { HotSettings } from './hotSettings';
import { stageHandlers } from './journey/handlers/index';
import { reply } from './journey/handlers/app';
import { fromDatabase } from './journey/handlers/database';
import { at, startAt } from './journey/moves';
import { deliverCacheMessage } from './journey/nodeMessages';
import { Stage } from './journey/stages';
import { KeyColumns } from './cache/keyColumns';
import { KeyTable } from './keyTable';
import { message, MessagePool, type Message, type Task } from './messages';
import type { Model } from './model';
import { RequestPool, TaskKind, type Request } from './request';
import { GroundTruth } from './truth';

/**
 * The simulated system: it owns the components (clients with browser caches, the CDN, the load
 * balancer, app servers with local caches, the distributed cache, the database and its replicas,
 * the invalidation bus, sessions) and the app's policies' state. A request advances one scheduled
 * step at a time through the journey table's handler for its stage (journey/); faults and commands
 * come in through the methods below.
 */
export class System implements Model {
  readonly keys: KeyTable;
  readonly truth = new GroundTruth();
  /** The live configuration: the scenario with every command applied so far. */
  readonly config: Scenario;
  readonly settings: HotSettings;
  readonly network: Network;
  readonly requests = new RequestPool();
  readonly messages = new MessagePool();
  readonly clients: Clients;
  readonly cdn: CacheInstance;
  readonly balancer: LoadBalancer;
  readonly servers: AppServer[] = [];
  readonly cluster: CacheCluster;
  /** The distributed cache's nodes (the cluster's). */
  readonly nodes: CacheInstance[];
  readonly database = new Database();
  readonly replicas: DatabaseServer[] = [];
  readonly bufferPool: CacheInstance;
  readonly bus: InvalidationBus;
  readonly sessions = new Sessions();
  readonly stampede = new Stampede();
  readonly refresh: Refresh;
  readonly writeBack = new WriteBack();
  onRequestDone: () => void = () => {};
  onMove: ((from: Stage | null, to: Stage) => void) | null = null;

  constructor(
    scenario: Scenario,
    readonly scheduler: Pick<Scheduler<Task>, 'schedule'>,
    readonly metrics: MetricsCollector,
    readonly sink: EventSink,
    readonly clock: { nowMs: number },
  ) {
    this.config = structuredClone(scenario);
    this.settings = new HotSettings(this.config);
    const { topology, workload, seed } = this.config;
    this.keys = new KeyTable(workload.keySpaces, workload.clients);
    this.truth.ensure(this.keys.size);
    this.network = new Network(seed, this.settings);
    this.bus = new InvalidationBus(seed);
    this.refresh = new Refresh(seed);
    this.balancer = new LoadBalancer(seed);
    const world: CacheWorld = {
      sink,
      metrics,
      keys: this.keys,
      truth: this.truth,
      keyColumns: new KeyColumns(Math.max(1024, this.keys.size)),
      clock,
      seed,
      onDirtyEviction: (instance, key, entry) => this.writeBack.flushNow(this, instance, key, entry),
    };
    this.clients = new Clients(this.config, world);
    this.cdn = new CacheInstance('cdn', 'cdn', 'CDN', 'cdn', tierIndex.cdn, topology.cdn, world);
    for (let i = 0; i < topology.appServers.count; i++) {
      const local = new CacheInstance(
        `local:${i}`,
        `app:${i}`,
        `App ${i + 1} local cache`,
        'local',
        tierIndex.local,
        topology.appServers.local,
        world,
      );
      this.servers.push(new AppServer(i, local));
    }
    this.cluster = new CacheCluster(topology.distributed, world, this.settings);
    this.nodes = this.cluster.nodes;
    this.bufferPool = new CacheInstance(
      'bufferPool',
      'db',
      'Database buffer pool',
      'bufferPool',
      tierIndex.bufferPool,
      topology.database.bufferPool,
      world,
    );
    for (let i = 0; i < topology.database.replicas; i++)
      this.replicas.push(new DatabaseServer(`replica:${i}`));
  }

  // ---------------------------------------------------------------- requests and messages

  /** Issues a user's request from the workload. */
  issue(client: number, space: number, keyIndex: number, op: 'read' | 'write', sizeBytes: number): void {
    const req = this.requests.take();
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
      this.sink.emit({
        type: 'request.issued',
        t: req.issuedAtMs,
        req: req.id,
        client,
        op,
        key: this.keys.name(req.dataKey),
      });
    startAt(this, req, Stage.Client);
    this.advance(req);
  }

  /** Takes a request one step along its journey: the handler of its stage, from the journey table. */
  advance(req: Request): void {
    stageHandlers[req.stage](this, req);
  }

  /** Handles a scheduled message other than a request or an arrival. */
  handle(msg: Message): void {
    switch (msg.kind) {
      case TaskKind.Flush:
        return this.writeBack.due(this, msg);
      case TaskKind.NodeWarmed:
        return this.nodeWarmed(msg.node);
      case TaskKind.Arrival:
        return;
      default:
        return deliverCacheMessage(this, msg);
    }
  }

  // ---------------------------------------------------------------- faults

  failNode(index: number): void {
    const node = this.nodes[index];
    if (node === undefined || !node.up) return;
    this.cluster.send(index, { type: 'node.fail' });
    this.metrics.cacheNodeFailures++;
    this.writeBack.crashed(this, index, node.crash());
    this.cluster.rebuildRing();
    if (this.sink.on) this.sink.emit({ type: 'node.down', t: this.clock.nowMs, node: node.id });
  }

  recoverNode(index: number): void {
    const node = this.nodes[index];
    if (node === undefined || node.up) return;
    this.cluster.send(index, { type: 'node.recover' });
    this.cluster.rebuildRing();
    if (this.settings.replication > 1) this.cluster.resync(index, this.clock.nowMs);
    if (this.sink.on) this.sink.emit({ type: 'node.up', t: this.clock.nowMs, node: node.id });
    this.scheduler.schedule(
      this.clock.nowMs + this.config.topology.distributed.warmupMs,
      message(TaskKind.NodeWarmed, { node: index }),
    );
  }

  /** A recovered node's warm-up is over (unless it failed again meanwhile). */
  private nodeWarmed(index: number): void {
    if (this.cluster.state(index) !== 'warming') return;
    this.cluster.send(index, { type: 'node.warmed' });
    if (this.sink.on)
      this.sink.emit({ type: 'node.state', t: this.clock.nowMs, node: `cache:${index}`, state: 'up' });
  }

  failServer(index: number): void {
    const server = this.servers[index];
    if (server === undefined || !server.up) return;
    server.send({ type: 'server.fail' });
    server.local.crash();
    for (const req of server.work.takeAll()) {
      req.failed = true;
      req.servedBy = 'failed';
      req.server = -1;
      reply(this, req);
    }
    if (this.sink.on) this.sink.emit({ type: 'node.down', t: this.clock.nowMs, node: server.id });
  }

  recoverServer(index: number): void {
    const server = this.servers[index];
    if (server === undefined || server.up) return;
    server.send({ type: 'server.recover' });
    if (this.sink.on) this.sink.emit({ type: 'node.up', t: this.clock.nowMs, node: server.id });
  }

  failDatabase(): void {
    const database = this.database;
    if (!database.up) return;
    database.send({ type: 'db.fail' });
    for (const req of database.server.work.takeAll()) {
      req.failed = true;
      req.servedBy = 'failed';
      if (req.isFlush) at(this, req, Stage.Database, this.config.policies.writeBackFlushMs);
      else fromDatabase(this, req);
    }
    if (this.sink.on) this.sink.emit({ type: 'node.down', t: this.clock.nowMs, node: 'db' });
  }

  recoverDatabase(): void {
    if (this.database.up) return;
    this.database.send({ type: 'db.recover' });
    if (this.sink.on) this.sink.emit({ type: 'node.up', t: this.clock.nowMs, node: 'db' });
  }

  slowDatabase(factor: number): void {
    this.database.slowFactor = factor;
  }

  // ---------------------------------------------------------------- configuration

  /** Applies a tier's new settings to every instance of it. */
  configureTier(tier: TierName, config: TierConfig): void {
    const now = this.clock.nowMs;
    const topology = this.config.topology;
    switch (tier) {
      case 'browser':
        topology.browser = config;
        break;
      case 'cdn':
        topology.cdn = config;
        break;
      case 'local':
        topology.appServers.local = config;
        break;
      case 'distributed': {
        const before = topology.distributed.replication;
        topology.distributed = { ...topology.distributed, ...config };
        this.settingsChanged();
        // More copies: every node takes copies of the keys it now holds a replica of (a full sync).
        if (topology.distributed.replication > before)
          this.nodes.forEach((n, i) => n.up && this.cluster.resync(i, now));
        break;
      }
      case 'bufferPool':
        topology.database.bufferPool = config;
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
    this.settings.refresh(this.config);
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

  // ---------------------------------------------------------------- views

  /** Every instance of a tier that exists now. */
  instancesOf(tier: TierName): CacheInstance[] {
    switch (tier) {
      case 'browser':
        return this.clients.browserCaches();
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

  serverLoad(index: number): { busy: number; queued: number; up: boolean } {
    const s = this.servers[index];
    return { busy: s.work.busy, queued: s.work.queued, up: s.up };
  }

  databaseLoad(): { busy: number; queued: number } {
    const work = this.database.server.work;
    return { busy: work.busy, queued: work.queued };
  }

  replicaLoad(index: number): { busy: number; queued: number } {
    const work = this.replicas[index].work;
    return { busy: work.busy, queued: work.queued };
  }

  databaseState(): string {
    return this.database.state;
  }

  nodeState(index: number): string {
    return this.cluster.state(index);
  }

  serverState(index: number): string {
    return this.servers[index].state;
  }

  browserCaches(): CacheInstance[] {
    return this.clients.browserCaches();
  }
}
