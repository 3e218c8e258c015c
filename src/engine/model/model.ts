import type { MetricsCollector } from '../metrics/collector';
import type { Scheduler } from '../scheduler';
import type { Scenario } from '../scenario/schema';
import type { Stampede } from './appPolicies/stampede';
import type { Refresh } from './appPolicies/refresh';
import type { WriteBack } from './appPolicies/writeBack';
import type { CacheInstance } from './cache/cacheInstance';
import type { AppServer } from './components/appServer';
import type { CacheCluster } from './components/cacheCluster';
import type { Clients } from './components/clients';
import type { Database, DatabaseServer } from './components/databaseServer';
import type { InvalidationBus } from './components/invalidationBus';
import type { LoadBalancer } from './components/loadBalancer';
import type { Network } from './components/network';
import type { Sessions } from './components/sessions';
import type { EventSink } from './eventSink';
import type { HotSettings } from './hotSettings';
import type { Stage } from './journey/stages';
import type { KeyTable } from './keyTable';
import type { MessagePool, Task } from './messages';
import type { RequestPool } from './request';
import type { GroundTruth } from './truth';

/**
 * What the journey's handlers and the app's policies work on: the components, the policies' state,
 * the settings, and the simulation's clock, scheduler, metrics and events. System is the one
 * implementation; handlers take it as this interface, so they need not import the class.
 */
export interface Model {
  readonly config: Scenario;
  readonly settings: HotSettings;
  readonly clock: { nowMs: number };
  /** The model only schedules; the loop (run/simulation.ts) takes events and its commands. */
  readonly scheduler: Pick<Scheduler<Task>, 'schedule'>;
  readonly metrics: MetricsCollector;
  readonly sink: EventSink;
  readonly keys: KeyTable;
  readonly truth: GroundTruth;
  readonly network: Network;
  readonly requests: RequestPool;
  readonly messages: MessagePool;
  readonly clients: Clients;
  readonly cdn: CacheInstance;
  readonly balancer: LoadBalancer;
  readonly servers: readonly AppServer[];
  readonly cluster: CacheCluster;
  readonly database: Database;
  readonly replicas: readonly DatabaseServer[];
  readonly bufferPool: CacheInstance;
  readonly bus: InvalidationBus;
  readonly sessions: Sessions;
  readonly stampede: Stampede;
  readonly refresh: Refresh;
  readonly writeBack: WriteBack;
  /** Sees every move of every request; from is null where a journey begins (tests check each). */
  onMove: ((from: Stage | null, to: Stage) => void) | null;
  /** Called when a user's request completes (the engine counts them for stepRequest). */
  onRequestDone: () => void;
}
