import { createStream, type RandomStream } from '../../random';
import type { Scenario } from '../../scenario/schema';
import type { AppServer } from './appServer';

type Balancing = Scenario['topology']['appServers']['loadBalancer'];

/** The load balancer: picks an app server that is up, round robin, at random or by least load. */
export class LoadBalancer {
  private readonly random: RandomStream;
  private roundRobin = 0;

  constructor(seed: number) {
    this.random = createStream(seed, 'balancer');
  }

  /** The server for the next request, or undefined when none is up. */
  pick(servers: readonly AppServer[], balancing: Balancing): AppServer | undefined {
    const n = servers.length;
    switch (balancing) {
      case 'least-connections': {
        let best: AppServer | undefined;
        for (const s of servers) {
          if (s.up && (best === undefined || s.work.busy + s.work.queued < best.work.busy + best.work.queued))
            best = s;
        }
        return best;
      }
      case 'random': {
        // Draw among the servers that are up, so a failure does not shift everyone's draws.
        const start = this.random.int(n);
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
}
