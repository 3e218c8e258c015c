import { emptyRow } from '../../../src/engine/metrics/collector';
import type { SimEvent } from '../../../src/engine/events';
import type { SeriesRow } from '../../../src/engine/metrics/types';
import type { CacheView, EdgeView, NodeView, Snapshot } from '../../../src/engine/snapshot';

/** Hand-built engine data for the view tests, shaped as the engine's contracts say. */

const node = (
  id: string,
  kind: NodeView['kind'],
  label: string,
  extra: Partial<NodeView> = {},
): NodeView => ({
  id,
  kind,
  label,
  state: 'up',
  busy: 0,
  queued: 0,
  cache: null,
  ...extra,
});

/** `clients` clients, a CDN, a load balancer, two app servers (app:1 with a local cache), three cache nodes, a database and a replica. */
export function snapshotFixture(clients = 3): Snapshot {
  const nodes: NodeView[] = [];
  const edges: EdgeView[] = [];
  for (let i = 0; i < clients; i++) {
    nodes.push(node(`client:${i}`, 'client', `client ${i}`));
    edges.push({ from: `client:${i}`, to: 'cdn' });
  }
  nodes.push(node('cdn', 'cdn', 'CDN', { cache: 'cdn' }), node('lb', 'lb', 'load balancer'));
  edges.push({ from: 'cdn', to: 'lb' });
  nodes.push(
    node('app:0', 'app', 'app 0', { busy: 3, queued: 2 }),
    node('app:1', 'app', 'app 1', { cache: 'app:1' }),
  );
  nodes.push(
    node('cache:0', 'cache', 'cache 0', { cache: 'cache:0' }),
    node('cache:1', 'cache', 'cache 1', { cache: 'cache:1', state: 'down' }),
    node('cache:2', 'cache', 'cache 2', { cache: 'cache:2', state: 'warming' }),
  );
  nodes.push(
    node('db', 'db', 'database', { state: 'overloaded', busy: 50, queued: 240 }),
    node('replica:0', 'replica', 'replica 0'),
  );
  for (const app of ['app:0', 'app:1']) {
    edges.push({ from: 'lb', to: app });
    for (const c of ['cache:0', 'cache:1', 'cache:2']) edges.push({ from: app, to: c });
    edges.push({ from: app, to: 'db' }, { from: app, to: 'replica:0' });
  }
  return { nowMs: 10_000, nodes, edges, caches: [cacheFixture(), lruFixture()] };
}

/** A distributed cache node under write-back: one stale entry, one dirty entry, one without TTL. */
export function cacheFixture(): CacheView {
  return {
    id: 'cache:0',
    tier: 'distributed',
    label: 'cache 0',
    state: 'up',
    policy: 'lru',
    capacity: 10,
    unit: 'entries',
    used: 3,
    count: 3,
    entries: [
      entry('item:7', 2, 5, 12_000, 60_000, { dirty: false }),
      entry('item:3', 4, 4, 30_000, 60_000, { dirty: true }),
      entry('item:9', 1, 1, null, null, {}),
    ],
  };
}

export function lruFixture(): CacheView {
  return {
    id: 'app:1',
    tier: 'local',
    label: 'app 1 local',
    state: 'up',
    policy: 'sieve',
    capacity: 4000,
    unit: 'bytes',
    used: 1000,
    count: 1,
    entries: [entry('feed:u2', 1, 1, 500, 1000, { owner: 2 })],
  };
}

function entry(
  key: string,
  version: number,
  truthVersion: number,
  ttlLeftMs: number | null,
  ttlMs: number | null,
  extra: { dirty?: boolean; owner?: number },
) {
  return {
    key,
    version,
    truthVersion,
    stale: version < truthVersion,
    ttlLeftMs,
    ttlMs,
    sizeBytes: 1000,
    dirty: extra.dirty ?? false,
    owner: extra.owner ?? null,
  };
}

/** A read of item:7 that misses at cache:0 and goes to the database, then one stale hit and more. */
export function eventsFixture(): SimEvent[] {
  return [
    { type: 'request.issued', t: 100, req: 1, client: 0, op: 'read', key: 'item:7' },
    { type: 'hop', t: 100, req: 1, from: 'client:0', to: 'cdn', arriveMs: 120 },
    { type: 'cache.miss', t: 120, req: 1, tier: 'cdn', node: 'cdn', key: 'item:7', cause: 'cold' },
    { type: 'hop', t: 120, req: 1, from: 'cdn', to: 'lb', arriveMs: 125 },
    { type: 'hop', t: 125, req: 1, from: 'lb', to: 'app:0', arriveMs: 126 },
    { type: 'hop', t: 126, req: 1, from: 'app:0', to: 'cache:0', arriveMs: 126.5 },
    {
      type: 'cache.miss',
      t: 126.5,
      req: 1,
      tier: 'distributed',
      node: 'cache:0',
      key: 'item:7',
      cause: 'expired',
    },
    { type: 'hop', t: 127, req: 1, from: 'app:0', to: 'db', arriveMs: 128 },
    { type: 'database.read', t: 128, req: 1, node: 'db', key: 'item:7', version: 5, queued: 0 },
    { type: 'cache.fill', t: 134, req: 1, tier: 'distributed', node: 'cache:0', key: 'item:7', version: 5 },
    { type: 'request.issued', t: 200, req: 2, client: 1, op: 'write', key: 'item:3' },
    { type: 'hop', t: 200, req: 2, from: 'client:1', to: 'cdn', arriveMs: 220 },
    { type: 'cache.eviction', t: 210, tier: 'distributed', node: 'cache:0', key: 'item:1' },
    { type: 'bus.message', t: 230, key: 'item:3', to: 'app:1', arriveMs: 280, lost: false },
    {
      type: 'cache.hit',
      t: 240,
      req: 3,
      tier: 'local',
      node: 'app:1',
      key: 'item:3',
      version: 3,
      stale: true,
    },
    {
      type: 'read.stale',
      t: 260,
      req: 3,
      client: 2,
      key: 'item:3',
      version: 3,
      truthVersion: 4,
      stalenessMs: 40,
    },
    { type: 'write.lost', t: 300, key: 'item:5', version: 2, node: 'cache:1' },
    { type: 'node.down', t: 300, node: 'cache:1' },
  ];
}

/** Three one-second buckets: the distributed tier warms up from 50 % to 90 % hits. */
export function seriesFixture(): SeriesRow[] {
  const rows: SeriesRow[] = [];
  const ratios = [0.5, 0.75, 0.9];
  ratios.forEach((ratio, i) => {
    const startMs = i * 1000;
    const misses = 100 - 100 * ratio;
    const missesByCause = { cold: misses - 5, capacity: 5, expired: 0, invalidated: 0 };
    rows.push(
      row(startMs, 'distributed', {
        lookups: 100,
        hits: 100 * ratio,
        misses,
        missesByCause,
        hitRatio: ratio,
        evictions: i * 5,
      }),
    );
    rows.push(
      row(startMs, 'all', {
        requests: 100,
        lookups: 100,
        hits: 100 * ratio,
        hitRatio: ratio,
        databaseQueries: 100 * (1 - ratio),
        databaseQueueMax: [12, 4, 0][i],
        staleReads: [0, 2, 3][i],
        p50Ms: 2 + i,
        p95Ms: 20 + i,
        p99Ms: 80 + i * 10,
      }),
    );
  });
  return rows;
}

function row(startMs: number, tier: SeriesRow['tier'], values: Partial<SeriesRow>): SeriesRow {
  return { ...emptyRow(startMs, tier), ...values };
}
