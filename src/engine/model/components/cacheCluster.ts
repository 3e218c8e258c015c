import { createActor } from 'xstate';
import { cacheNodeMachine, type CacheNodeEvent, type CacheNodeState } from '../../../machines/cacheNode';
import { tierIndex } from '../../metrics/collector';
import type { Scenario } from '../../scenario/schema';
import { CacheInstance, type CacheEntry, type CacheWorld } from '../cache/cacheInstance';
import type { HotSettings } from '../hotSettings';
import { HashRing } from '../hashRing';
import { Lifecycle } from './lifecycle';

/**
 * The distributed cache: its nodes, each with a lifecycle, placed on a consistent-hash ring; with
 * replication, a key's copies live on the next nodes of the ring.
 */
export class CacheCluster {
  readonly nodes: CacheInstance[] = [];
  private readonly lifecycles: Lifecycle<CacheNodeState, CacheNodeEvent>[] = [];
  private readonly ring: HashRing;
  private readonly nodeList: number[] = [];

  constructor(
    config: Scenario['topology']['distributed'],
    world: CacheWorld,
    private readonly settings: HotSettings,
  ) {
    for (let i = 0; i < config.nodes; i++) {
      this.nodes.push(
        new CacheInstance(
          `cache:${i}`,
          `cache:${i}`,
          `Cache node ${i + 1}`,
          'distributed',
          tierIndex.distributed,
          config,
          world,
        ),
      );
      this.lifecycles.push(
        new Lifecycle<CacheNodeState, CacheNodeEvent>(createActor(cacheNodeMachine).start()),
      );
    }
    this.ring = new HashRing(config.nodes, config.virtualNodes);
  }

  /** The node that holds a key first, or -1 when none is up. */
  primaryFor(key: number): number {
    return this.ring.primaryFor(key);
  }

  /** The nodes that hold a key, primary first. The array is reused: do not keep it. */
  copiesFor(key: number): number[] {
    const list = this.nodeList;
    if (this.settings.replication === 1) {
      const primary = this.ring.primaryFor(key);
      // Emptied with pops and refilled: setting length is a call into the runtime.
      while (list.length > 0) list.pop();
      if (primary >= 0) list.push(primary);
      return list;
    }
    this.ring.nodesFor(key, this.settings.replication, list);
    return list;
  }

  state(index: number): CacheNodeState {
    return this.lifecycles[index].state;
  }

  /**
   * Tells a node's lifecycle; the node's `up` and `warming` mirror it, written only here. Returns
   * whether its state changed.
   */
  send(index: number, event: CacheNodeEvent): boolean {
    const lifecycle = this.lifecycles[index];
    const changed = lifecycle.send(event);
    const node = this.nodes[index];
    node.up = lifecycle.state !== 'down';
    node.warming = lifecycle.state === 'warming';
    return changed;
  }

  /** The ring places keys on the nodes that are up now. */
  rebuildRing(): void {
    this.ring.rebuild((n) => this.nodes[n].up);
  }

  /** Whether a node other than `index` that is up holds unflushed writes of a key. */
  dirtyElsewhere(index: number, key: number): boolean {
    return this.nodes.some((n, i) => i !== index && n.up && (n.peek(key)?.dirtyWrites ?? 0) > 0);
  }

  /**
   * With replication, a node that comes back copies from the other replicas the keys it should
   * hold, as a Redis replica resyncs from its primary: only an unreplicated node returns empty.
   */
  resync(index: number, nowMs: number): void {
    const node = this.nodes[index];
    for (const other of this.nodes) {
      if (other === node || !other.up) continue;
      for (const key of [...other.keys()]) {
        if (node.peek(key) !== undefined || !this.copiesFor(key).includes(index)) continue;
        const entry: CacheEntry = other.peek(key)!;
        node.write(key, entry.dataKey, entry.version, entry.sizeBytes, nowMs, -1, entry.dirtyWrites > 0);
      }
    }
  }
}
