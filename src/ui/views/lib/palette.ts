import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolWye,
  symbolTimes,
  symbolX,
  symbolPlus,
  symbolAsterisk,
  symbolTriangle2,
  symbolSquare2,
  symbolDiamond2,
  type SymbolType,
} from 'd3';
import type { MissCause } from '../../../engine/events';

/**
 * Okabe & Ito's colour-blind-safe palette. Eight colours cannot tell seventeen outcomes apart, so
 * colour only groups outcomes by meaning (good, miss, harm, message, write, removal); the shape and
 * the label tell each one apart, and nothing depends on colour alone.
 */
export const okabeIto = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Every outcome the views flash at a node, the legend explains and the event log marks. */
export const outcomeKinds = [
  'hit',
  'miss.cold',
  'miss.capacity',
  'miss.expired',
  'miss.invalidated',
  'fill',
  'eviction',
  'expiry',
  'invalidation',
  'bus',
  'stale',
  'write',
  'flush',
  'lost',
  'leak',
  'logout',
  'down',
  'up',
] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

export type ShapeName =
  | 'circle'
  | 'cross'
  | 'diamond'
  | 'square'
  | 'star'
  | 'triangle'
  | 'wye'
  | 'times'
  | 'x'
  | 'plus'
  | 'asterisk'
  | 'triangle-open'
  | 'square-open'
  | 'diamond-open';

export interface OutcomeStyle {
  colour: string;
  shape: ShapeName;
  /** Short text drawn beside the shape at the node. */
  label: string;
  /** What the outcome means, for the legend. */
  meaning: string;
}

/** Hollow (stroked) shapes read differently from filled ones even in greyscale. */
const strokedShapes: ReadonlySet<ShapeName> = new Set([
  'times',
  'x',
  'plus',
  'asterisk',
  'triangle-open',
  'square-open',
  'diamond-open',
]);

const symbolTypes: Record<ShapeName, SymbolType> = {
  circle: symbolCircle,
  cross: symbolCross,
  diamond: symbolDiamond,
  square: symbolSquare,
  star: symbolStar,
  triangle: symbolTriangle,
  wye: symbolWye,
  times: symbolTimes,
  x: symbolX,
  plus: symbolPlus,
  asterisk: symbolAsterisk,
  'triangle-open': symbolTriangle2,
  'square-open': symbolSquare2,
  'diamond-open': symbolDiamond2,
};

const c = okabeIto;

export const outcomeStyles: Record<OutcomeKind, OutcomeStyle> = {
  hit: { colour: c.bluishGreen, shape: 'circle', label: 'hit', meaning: 'the cache had the key' },
  'miss.cold': { colour: c.orange, shape: 'triangle', label: 'cold miss', meaning: 'never cached here' },
  'miss.capacity': {
    colour: c.orange,
    shape: 'triangle-open',
    label: 'capacity miss',
    meaning: 'was cached, evicted for room',
  },
  'miss.expired': { colour: c.orange, shape: 'wye', label: 'expired miss', meaning: 'its TTL ran out' },
  'miss.invalidated': {
    colour: c.orange,
    shape: 'diamond-open',
    label: 'invalidated miss',
    meaning: 'dropped by an invalidation',
  },
  fill: {
    colour: c.bluishGreen,
    shape: 'square-open',
    label: 'fill',
    meaning: 'a copy stored on the way back',
  },
  eviction: { colour: c.reddishPurple, shape: 'times', label: 'evict', meaning: 'removed to make room' },
  expiry: { colour: c.reddishPurple, shape: 'x', label: 'expire', meaning: 'removed when its TTL ran out' },
  invalidation: {
    colour: c.skyBlue,
    shape: 'plus',
    label: 'invalidate',
    meaning: 'dropped because the key changed',
  },
  bus: { colour: c.skyBlue, shape: 'diamond', label: 'bus msg', meaning: 'invalidation message on the bus' },
  stale: { colour: c.vermillion, shape: 'star', label: 'STALE', meaning: 'a client read an old version' },
  write: { colour: c.blue, shape: 'square', label: 'write', meaning: 'a write reached the database' },
  flush: { colour: c.blue, shape: 'cross', label: 'flush', meaning: 'write-back sent a dirty entry on' },
  lost: {
    colour: c.vermillion,
    shape: 'asterisk',
    label: 'LOST write',
    meaning: 'acknowledged, then destroyed',
  },
  leak: { colour: c.vermillion, shape: 'diamond', label: 'LEAK', meaning: "a user got another user's data" },
  logout: {
    colour: c.vermillion,
    shape: 'square-open',
    label: 'logged out',
    meaning: 'session lost with a node',
  },
  down: { colour: c.black, shape: 'times', label: 'DOWN', meaning: 'a node failed' },
  up: { colour: c.bluishGreen, shape: 'triangle', label: 'UP', meaning: 'a node came back' },
};

/** The legend's words for each cause of a miss ("cold miss", "capacity miss", …). */
export const missCauseLabels: Record<MissCause, string> = {
  cold: outcomeStyles['miss.cold'].label,
  capacity: outcomeStyles['miss.capacity'].label,
  expired: outcomeStyles['miss.expired'].label,
  invalidated: outcomeStyles['miss.invalidated'].label,
};

/** Colours of what travels on the edges: requests by operation, and bus messages. */
export const dotStyles = {
  read: { colour: c.blue, shape: 'circle' as ShapeName, label: 'read request' },
  write: { colour: c.vermillion, shape: 'square' as ShapeName, label: 'write request' },
  bus: { colour: c.skyBlue, shape: 'diamond' as ShapeName, label: 'bus message' },
};

/** Line colours for series (tiers, percentiles), in an order that keeps neighbours distinguishable. */
export const seriesColours = [
  c.blue,
  c.orange,
  c.bluishGreen,
  c.reddishPurple,
  c.vermillion,
  c.skyBlue,
  c.black,
];

/** SVG path data of a shape centred on 0,0; `area` in square pixels, as d3.symbol takes it. */
export function shapePath(shape: ShapeName, area = 64): string {
  return symbol(symbolTypes[shape], area)() ?? '';
}

/** Whether a shape is drawn as an outline (stroke) rather than filled. */
export function isStroked(shape: ShapeName): boolean {
  return strokedShapes.has(shape);
}
