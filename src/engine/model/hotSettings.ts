import type { Scenario } from '../scenario/schema';
import type { KeySpace } from '../scenario/parts';

/**
 * The settings the request path reads, copied out of the live configuration so that the reducer
 * reads no property chains. Commands change the configuration in place (applyCommand), and every
 * command ends with refresh().
 */
export class HotSettings {
  keySpaces!: KeySpace[];
  clientToCdnMs = 0;
  cdnToAppMs = 0;
  appToCacheMs = 0;
  appToDatabaseMs = 0;
  jitter = 0;
  stampede!: Scenario['policies']['stampede'];
  readPolicy!: Scenario['policies']['read'];
  writePolicy!: Scenario['policies']['write'];
  cacheKeyIncludesUser = true;
  browserEnabled = false;
  cdnEnabled = false;
  distributedEnabled = false;
  replication = 1;
  workers = 0;
  serviceTimeMs = 0;
  loadBalancer!: Scenario['topology']['appServers']['loadBalancer'];
  maxConcurrent = 0;
  readMs = 0;
  writeMs = 0;
  diskReadMs = 0;
  readsFromReplicas = false;
  /** Bumped by every refresh: a request's kept cache key is good only for the epoch it was made in. */
  epoch = 0;

  constructor(config: Scenario) {
    this.refresh(config);
  }

  /** Copies the settings out of `config` again, and retires the cache keys requests keep. */
  refresh(config: Scenario): void {
    const { latency, policies, topology } = config;
    this.keySpaces = config.workload.keySpaces;
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
    this.epoch++;
  }
}
