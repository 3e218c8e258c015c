import { createStream, type RandomStream } from '../../random';
import type { CacheInstance } from '../cache/cacheInstance';
import { TaskKind } from '../request';
import type { Model } from '../model';

/** The invalidation bus: pub/sub messages that tell caches to drop a key, with delay and loss. */
export class InvalidationBus {
  private readonly random: RandomStream;
  /** Reused by publish: nothing keeps it. */
  private readonly targets: CacheInstance[] = [];

  constructor(seed: number) {
    this.random = createStream(seed, 'bus');
  }

  /** A write was acknowledged at an app server: the other servers' local caches and the CDN drop the key. */
  publish(m: Model, fromServer: number, key: number): void {
    const bus = m.config.topology.bus;
    if (!bus.enabled) return;
    const targets = this.targets;
    targets.length = 0;
    if (m.config.topology.appServers.local.enabled)
      for (const s of m.servers) if (s.index !== fromServer) targets.push(s.local);
    if (m.config.topology.cdn.enabled) targets.push(m.cdn);
    const now = m.clock.nowMs;
    for (const target of targets) {
      const lost = this.random.chance(bus.lossProbability);
      const arriveMs = now + m.network.hopMs(bus.delayMs);
      if (m.sink.on)
        m.sink.emit({ type: 'bus.message', t: now, key: m.keys.name(key), to: target.node, arriveMs, lost });
      if (!lost)
        m.scheduler.schedule(
          arriveMs,
          m.messages.take(TaskKind.BusInvalidate, target, key, -1, 0, 0, -1, -1),
        );
    }
  }

  /** A bus message reaches its cache. */
  deliver(instance: CacheInstance, key: number, nowMs: number): void {
    if (instance.enabled) instance.invalidate(key, nowMs, 'bus');
  }
}
