import type { SeriesRow } from '../../../engine/metrics/types';
import { tierNames, type TierName } from '../../../engine/scenario/commandSchema';
import { formatMs, formatNumber } from './format';
import { seriesColours } from './palette';

/** One line of a chart: a value per time bucket, null where there is none (a gap in the line). */
export interface ChartLine {
  name: string;
  colour: string;
  /** SVG stroke-dasharray, so lines differ by more than colour. */
  dash: string;
  values: (number | null)[];
}

/** One small multiple: what it shows, its unit, and its lines over the shared time buckets. */
export interface ChartModel {
  id: string;
  title: string;
  /** Unit of the y axis, as printed beside it. */
  unit: string;
  /** Bucket start times, milliseconds; the x of every line's values. */
  xsMs: number[];
  lines: ChartLine[];
  /** A fixed top of the y axis (100 for percentages), or null to fit the data. */
  yMax: number | null;
  /** Counts of whole things (a queue): the y axis ticks only at integers. */
  integer: boolean;
  /** A value with its unit, for a readout of one line. */
  format: (v: number) => string;
  /** A value in the axis unit without the unit, for a readout of several lines that names it once. */
  short: (v: number) => string;
}

export const tierLabels: Record<TierName, string> = {
  browser: 'browser',
  cdn: 'CDN',
  local: 'local',
  distributed: 'distributed',
  bufferPool: 'buffer pool',
};

const dashes = ['', '6 3', '2 2', '8 2 2 2', '1 3'];

const perSecond = (v: number) => `${formatNumber(v, v < 10 ? 1 : 0)}/s`;

/**
 * The small multiples of the live charts, from the metric series: hit ratio per tier (%), latency
 * percentiles (ms), database queries/s, its peak queue, stale reads/s and evictions/s per tier.
 * Rates divide a bucket's count by the time it covers in seconds: its length, or for the bucket in
 * progress (shown while paused) the part up to nowMs; one that has covered under a quarter of its
 * length has no rate yet (too little time to read one from).
 */
export function chartModels(series: readonly SeriesRow[], bucketMs: number, nowMs = Infinity): ChartModel[] {
  const xsMs = [...new Set(series.map((r) => r.startMs))].sort((a, b) => a - b);
  const slot = new Map(xsMs.map((x, i) => [x, i]));
  const rowsOf = new Map<SeriesRow['tier'], (SeriesRow | null)[]>();
  for (const row of series) {
    let rows = rowsOf.get(row.tier);
    if (!rows) rowsOf.set(row.tier, (rows = xsMs.map(() => null)));
    rows[slot.get(row.startMs)!] = row;
  }
  const rate = (count: number, row: SeriesRow): number | null => {
    const coveredMs = Math.min(bucketMs, nowMs - row.startMs);
    return coveredMs >= bucketMs / 4 ? count / (coveredMs / 1000) : null;
  };
  const all = rowsOf.get('all') ?? xsMs.map(() => null);
  const fromAll = (f: (r: SeriesRow) => number | null) => all.map((r) => (r ? f(r) : null));

  const perTier = (has: (r: SeriesRow) => boolean, value: (r: SeriesRow) => number | null): ChartLine[] =>
    tierNames
      .filter((tier) => rowsOf.get(tier)?.some((r) => r !== null && has(r)))
      .map((tier, i) => ({
        name: tierLabels[tier],
        colour: seriesColours[i % seriesColours.length],
        dash: dashes[i % dashes.length],
        values: rowsOf.get(tier)!.map((r) => (r && has(r) ? value(r) : null)),
      }));
  const single = (name: string, values: (number | null)[], i = 0): ChartLine => ({
    name,
    colour: seriesColours[i],
    dash: dashes[i],
    values,
  });

  return [
    {
      id: 'hit-ratio',
      title: 'Hit ratio per tier',
      unit: '%',
      xsMs,
      lines: perTier(
        (r) => r.lookups > 0,
        (r) => r.hitRatio * 100,
      ),
      yMax: 100,
      integer: false,
      format: (v) => `${formatNumber(v, 1)} %`,
      short: (v) => formatNumber(v, 1),
    },
    {
      id: 'latency',
      title: 'Latency',
      unit: 'ms',
      xsMs,
      lines: [
        single('p50', fromAll((r) => r.p50Ms), 0),
        single('p95', fromAll((r) => r.p95Ms), 1),
        single('p99', fromAll((r) => r.p99Ms), 2),
      ],
      yMax: null,
      integer: false,
      format: formatMs,
      short: (v) => formatNumber(v, v < 10 ? 2 : 0),
    },
    {
      id: 'db-queries',
      title: 'Database queries',
      unit: 'queries/s',
      xsMs,
      lines: [single('queries', fromAll((r) => rate(r.databaseQueries, r)))],
      yMax: null,
      integer: false,
      format: perSecond,
      short: (v) => formatNumber(v, v < 10 ? 1 : 0),
    },
    {
      id: 'db-queue',
      title: 'Database peak queue',
      unit: 'requests',
      xsMs,
      lines: [single('peak queue', fromAll((r) => r.databaseQueueMax), 3)],
      yMax: null,
      integer: true,
      format: (v) => `${formatNumber(v, 0)} queued`,
      short: (v) => formatNumber(v, 0),
    },
    {
      id: 'stale-reads',
      title: 'Stale reads',
      unit: 'reads/s',
      xsMs,
      lines: [single('stale reads', fromAll((r) => rate(r.staleReads, r)), 4)],
      yMax: null,
      integer: false,
      format: perSecond,
      short: (v) => formatNumber(v, v < 10 ? 1 : 0),
    },
    {
      id: 'evictions',
      title: 'Evictions per tier',
      unit: 'evictions/s',
      xsMs,
      lines: perTier(
        (r) => r.evictions > 0 || r.lookups > 0,
        (r) => rate(r.evictions, r),
      ),
      yMax: null,
      integer: false,
      format: perSecond,
      short: (v) => formatNumber(v, v < 10 ? 1 : 0),
    },
  ];
}
