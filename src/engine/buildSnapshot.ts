import type { System } from './model/system';
import type { CacheView, EdgeView, NodeView, Snapshot } from './snapshot';

/** Client nodes listed one by one in a snapshot; more are summed into the last one's label. */
const maxClientNodes = 12;

/** The topology and every cache's contents at a moment. */
export function buildSnapshot(system: System, nowMs: number, maxEntries: number): Snapshot {
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
    nodes.push({
      id: server.id,
      kind: 'app',
      label: `App ${i + 1}`,
      state: system.serverState(i),
      busy: load.busy,
      queued: load.queued,
      cache: hasLocal ? `local:${i}` : null,
    });
    edges.push({ from: 'lb', to: server.id });
    if (hasLocal) caches.push(server.local.view(nowMs, maxEntries));
    if (topology.distributed.enabled)
      system.nodes.forEach((node) => edges.push({ from: server.id, to: node.id }));
    edges.push({ from: server.id, to: 'db' });
    for (let r = 0; r < system.replicas.length; r++) edges.push({ from: server.id, to: `replica:${r}` });
  });
  if (topology.distributed.enabled) {
    system.nodes.forEach((node, i) => {
      nodes.push({
        id: node.id,
        kind: 'cache',
        label: node.label,
        state: system.nodeState(i),
        busy: 0,
        queued: 0,
        cache: node.id,
      });
      caches.push(node.view(nowMs, maxEntries, system.nodeState(i) as CacheView['state']));
      edges.push({ from: node.id, to: 'db' });
    });
  }
  const db = system.databaseLoad();
  nodes.push({
    id: 'db',
    kind: 'db',
    label: 'Database',
    state: system.databaseState(),
    busy: db.busy,
    queued: db.queued,
    cache: topology.database.bufferPool.enabled ? 'bufferPool' : null,
  });
  if (topology.database.bufferPool.enabled) caches.push(system.bufferPool.view(nowMs, maxEntries));
  system.replicas.forEach((_, r) => {
    const load = system.replicaLoad(r);
    nodes.push({
      id: `replica:${r}`,
      kind: 'replica',
      label: `Replica ${r + 1}`,
      state: 'healthy',
      busy: load.busy,
      queued: load.queued,
      cache: null,
    });
    edges.push({ from: 'db', to: `replica:${r}` });
  });
  if (topology.bus.enabled) {
    nodes.push({
      id: 'bus',
      kind: 'bus',
      label: 'Invalidation bus',
      state: 'up',
      busy: 0,
      queued: 0,
      cache: null,
    });
    system.servers.forEach((server) => edges.push({ from: 'bus', to: server.id }));
    if (topology.cdn.enabled) edges.push({ from: 'bus', to: 'cdn' });
  }
  if (topology.browser.enabled) {
    for (const browser of system
      .browserCaches()
      .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
      .slice(0, maxClientNodes)) {
      caches.push(browser.view(nowMs, maxEntries));
    }
  }
  return { nowMs, nodes, edges, caches };
}
