import type { NodeId } from '../../events';
import { tierIndex } from '../../metrics/collector';
import type { Scenario } from '../../scenario/schema';
import { CacheInstance, type CacheWorld } from '../cache/cacheInstance';

/** The users: their browser caches and node ids, each made on first use (there may be many users). */
export class Clients {
  private readonly browsers = new Map<number, CacheInstance>();
  private readonly ids: (NodeId | undefined)[] = [];

  constructor(
    private readonly config: Scenario,
    private readonly world: CacheWorld,
  ) {}

  /** A user's browser cache. */
  browser(client: number): CacheInstance {
    let cache = this.browsers.get(client);
    if (cache === undefined) {
      cache = new CacheInstance(
        `browser:${client}`,
        `client:${client}`,
        `Browser of user ${client}`,
        'browser',
        tierIndex.browser,
        this.config.topology.browser,
        this.world,
      );
      this.browsers.set(client, cache);
    }
    return cache;
  }

  /** Every browser cache made so far. */
  browserCaches(): CacheInstance[] {
    return [...this.browsers.values()];
  }

  /** A user's node id; built once per user, not per hop (the hot path allocates no strings). */
  nodeId(client: number): NodeId {
    if (client < 0) return `client:${client}`;
    let id = this.ids[client];
    if (id === undefined) {
      while (this.ids.length < client) this.ids.push(undefined);
      id = `client:${client}`;
      this.ids[client] = id;
    }
    return id;
  }
}
