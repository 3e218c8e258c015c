import type { NodeId } from '../../../engine/events';
import type { NodeKind, NodeView, Snapshot } from '../../../engine/snapshot';

/** A glyph of the topology view: one node, or a group of clients drawn as one with a count. */
export interface LayoutNode extends Pick<NodeView, 'kind' | 'label' | 'state' | 'busy' | 'queued' | 'cache'> {
  /** The node's id, or `clients:<group>` for a group of clients. */
  id: string;
  /** The engine nodes this glyph stands for. */
  members: NodeId[];
  /** How many clients the glyph stands for, including those the snapshot summed into a label. */
  count: number;
  /** Free height under the box, down to the next glyph: where its outcome badges go. */
  room: number;
  /** Centre and size, in view units. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutEdge {
  from: string;
  to: string;
}

export interface TopologyLayout {
  width: number;
  height: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Engine node id → the glyph that draws it; use glyphIdFor, which also places unlisted clients. */
  glyphOf: Map<NodeId, string>;
  /** The glyph of the last client listed: a snapshot lists a few clients and sums the rest into it. */
  lastClientGlyph: string | undefined;
  byId: Map<string, LayoutNode>;
}

export interface LayoutOptions {
  width?: number;
  height?: number;
  /** More clients than this collapse into this many glyphs. */
  maxClientGlyphs?: number;
}

/** Columns from the users inward; the bus sits with the load balancer, between the CDN and the apps. */
const columnOf: Record<NodeKind, number> = {
  client: 0,
  cdn: 1,
  lb: 2,
  bus: 2,
  app: 3,
  cache: 4,
  db: 5,
  replica: 5,
};
const kindOrder: Record<NodeKind, number> = {
  client: 0,
  cdn: 0,
  lb: 0,
  bus: 1,
  app: 0,
  cache: 0,
  db: 0,
  replica: 1,
};

const indexOf = (id: NodeId): number => {
  const n = Number(id.slice(id.indexOf(':') + 1));
  return Number.isFinite(n) ? n : 0;
};

const byPlace = (a: NodeView, b: NodeView) =>
  kindOrder[a.kind] - kindOrder[b.kind] || indexOf(a.id) - indexOf(b.id);

/** Splits the clients into at most `groups` runs of consecutive ids, each drawn as one glyph. */
function groupClients(clients: NodeView[], groups: number): { id: string; members: NodeView[] }[] {
  if (clients.length <= groups) return clients.map((n) => ({ id: n.id, members: [n] }));
  const out: { id: string; members: NodeView[] }[] = [];
  for (let g = 0; g < groups; g++) {
    const from = Math.floor((g * clients.length) / groups);
    const to = Math.floor(((g + 1) * clients.length) / groups);
    out.push({ id: `clients:${g}`, members: clients.slice(from, to) });
  }
  return out;
}

/**
 * Places a snapshot's nodes in columns (clients → CDN → load balancer and bus → app servers →
 * distributed cache nodes → database and replicas), skipping columns that have no nodes, and maps
 * its edges onto the glyphs. Pure: the same snapshot always gives the same picture.
 */
export function topologyLayout(
  snapshot: Pick<Snapshot, 'nodes' | 'edges'>,
  options: LayoutOptions = {},
): TopologyLayout {
  const { width = 720, height = 360, maxClientGlyphs = 4 } = options;
  const columns = new Map<number, NodeView[]>();
  for (const node of snapshot.nodes) {
    const col = columnOf[node.kind] ?? 3;
    let list = columns.get(col);
    if (!list) columns.set(col, (list = []));
    list.push(node);
  }
  const present = [...columns.keys()].sort((a, b) => a - b);
  const marginX = 8;
  const marginTop = 10;
  // Room under the lowest glyph for its outcome badges.
  const marginBottom = 22;
  const colWidth = (width - 2 * marginX) / Math.max(1, present.length);
  const boxWidth = Math.min(100, colWidth * 0.76);

  const nodes: LayoutNode[] = [];
  const glyphOf = new Map<NodeId, string>();
  present.forEach((col, i) => {
    const members = columns.get(col)!.sort(byPlace);
    const glyphs =
      col === 0 ? groupClients(members, maxClientGlyphs) : members.map((n) => ({ id: n.id, members: [n] }));
    const x = marginX + (i + 0.5) * colWidth;
    const spacing = (height - marginTop - marginBottom) / glyphs.length;
    // Leave room between glyphs for the badges drawn under each one.
    const boxHeight = Math.max(6, Math.min(36, spacing - 30));
    glyphs.forEach((glyph, j) => {
      const first = glyph.members[0];
      const last = glyph.members[glyph.members.length - 1];
      const group = glyph.members.length > 1;
      nodes.push({
        id: glyph.id,
        kind: first.kind,
        label: group ? `clients ${indexOf(first.id)}–${indexOf(last.id) + unlisted(last)}` : first.label,
        state: group ? groupState(glyph.members) : first.state,
        busy: glyph.members.reduce((s, n) => s + n.busy, 0),
        queued: glyph.members.reduce((s, n) => s + n.queued, 0),
        cache: group ? null : first.cache,
        members: glyph.members.map((n) => n.id),
        count: glyph.members.length + unlisted(last),
        room: spacing - boxHeight,
        x,
        y: marginTop + (j + 0.5) * spacing - 8,
        width: boxWidth,
        height: boxHeight,
      });
      for (const m of glyph.members) glyphOf.set(m.id, glyph.id);
    });
  });

  const seen = new Set<string>();
  const edges: LayoutEdge[] = [];
  for (const e of snapshot.edges) {
    const from = glyphOf.get(e.from);
    const to = glyphOf.get(e.to);
    if (!from || !to || from === to) continue;
    const key = `${from}>${to}`;
    if (seen.has(key) || seen.has(`${to}>${from}`)) continue;
    seen.add(key);
    edges.push({ from, to });
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const lastClientGlyph = nodes.filter((n) => n.kind === 'client').at(-1)?.id;
  return { width, height, nodes, edges, glyphOf, byId, lastClientGlyph };
}

/** The engine lists a few clients; the last one listed also stands for the users it did not list. */
const unlisted = (node: NodeView) => (node.users ?? 1) - 1;

/** A group of clients is up unless every member is in the same other state. */
function groupState(members: NodeView[]): string {
  const first = members[0].state;
  return members.every((m) => m.state === first) ? first : 'up';
}

export interface Point {
  x: number;
  y: number;
}

/**
 * The id of the glyph that draws an engine node, or undefined when the layout has none. A client the
 * snapshot did not list is drawn by the last client glyph, which stands for the rest.
 */
export function glyphIdFor(layout: TopologyLayout, id: NodeId): string | undefined {
  const g = layout.glyphOf.get(id);
  if (g === undefined && id.startsWith('client:')) return layout.lastClientGlyph;
  return g;
}

/** The glyph that draws an engine node, or undefined when the layout has none. */
export function glyphFor(layout: TopologyLayout, id: NodeId): LayoutNode | undefined {
  const g = glyphIdFor(layout, id);
  return g === undefined ? undefined : layout.byId.get(g);
}

/**
 * The segment between two glyphs, from the facing side of one box to the facing side of the other,
 * moved `lane` units to the right of the direction of travel so that requests and responses on the
 * same edge pass each other instead of overlapping.
 */
export function edgeSegment(a: LayoutNode, b: LayoutNode, lane = 0): [Point, Point] {
  let p: Point;
  let q: Point;
  if (Math.abs(a.x - b.x) > 1) {
    const dir = Math.sign(b.x - a.x);
    p = { x: a.x + (dir * a.width) / 2, y: a.y };
    q = { x: b.x - (dir * b.width) / 2, y: b.y };
  } else {
    const dir = Math.sign(b.y - a.y) || 1;
    p = { x: a.x, y: a.y + (dir * a.height) / 2 };
    q = { x: b.x, y: b.y - (dir * b.height) / 2 };
  }
  if (lane !== 0) {
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const len = Math.hypot(dx, dy) || 1;
    // Right-hand normal of (dx, dy) in screen coordinates (y grows downwards).
    const nx = -dy / len;
    const ny = dx / len;
    p = { x: p.x + nx * lane, y: p.y + ny * lane };
    q = { x: q.x + nx * lane, y: q.y + ny * lane };
  }
  return [p, q];
}
