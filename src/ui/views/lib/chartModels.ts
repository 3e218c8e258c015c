import { missCauses } from '../../../engine/events';
import { bucketIsWhole, bucketRate } from '../../../engine/metrics/seriesMath';
import type { SeriesRow, TierSummary } from '../../../engine/metrics/types';
import { tierNames } from '../../../engine/tiers/tierNames';
import { tierLabel } from '../../../engine/tiers/tierRegistry';
import { formatDecimal, formatDuration } from '../../../engine/format/readableNumbers';
import { missCauseLabels, seriesColours } from './palette';

/** One line (or one layer of a stack) of a chart: a value per time bucket, null where there is none. */
export interface ChartLine {
  name: string;
  colour: string;
  /** SVG stroke-dasharray, so lines differ by more than colour. */
  dash: string;
  values: (number | null)[];
  /** The run's total beside the name in the key (misses by cause), or null. */
  total: number | null;
}

/** One small multiple: what it shows, its unit, and its lines over the shared time buckets. */
export interface ChartModel {
  id: string;
  title: string;
  /** Unit of the y axis, as printed beside it. */
  unit: string;
  /** What the y axis measures, without the unit: an exported chart labels its axis "quantity (unit)". */
  quantity: string;
  /** Start times of the whole buckets shown, milliseconds: the same for every chart. */
  xsMs: number[];
  bucketMs: number;
  /** Lines over time, or layers stacked into a bar per bucket (parts of one whole). */
  kind: 'lines' | 'stacked';
  lines: ChartLine[];
  /** A fixed top of the y axis (100 for percentages), or null to fit the data. */
  yMax: number | null;
  /** Counts of whole things (a queue): the y axis ticks only at integers. */
  integer: boolean;
  /** A value with its unit, for a readout of one line. */
  format: (v: number) => string;
  /** A value in the axis unit without the unit, for a readout of several lines that names it once. */
  short: (v: number) => string;
  /** What the chart measures, in a sentence, for its description. */
  description: string;
  /** What a bucket without a value means here ("no stale reads"). */
  none: string;
}

export interface ChartOptions {
  bucketMs: number;
  /** The run's time: a bucket is drawn once it is whole, so never the bucket still in progress. */
  nowMs?: number;
  /** The end of the run: the last bucket is whole there even when it is shorter than bucketMs. */
  endMs?: number;
  /** The run's totals per tier, for the misses-by-cause keys. */
  tiers?: readonly TierSummary[];
}

const dashes = ['', '6 3', '2 2', '8 2 2 2', '1 3'];

const perSecond = (v: number) => `${formatDecimal(v, v < 10 ? 1 : 0)}/s`;
const shortRate = (v: number) => formatDecimal(v, v < 10 ? 1 : 0);
const percent = (v: number) => `${formatDecimal(v, 1)} %`;
const shortPercent = (v: number) => formatDecimal(v, 1);
const seconds = (v: number) => formatDecimal(v, v < 10 ? 2 : 1);

/**
 * The buckets a chart may draw: those that are whole at nowMs. A bucket in progress has too little
 * in it to read a ratio or a percentile from (a hit ratio of 100% from two lookups, a latency of 0 ms
 * from none), so it is left out until it closes; the run's last bucket is whole at the run's end.
 */
export function wholeBuckets(
  series: readonly SeriesRow[],
  { bucketMs, nowMs = Infinity, endMs = Infinity }: ChartOptions,
) {
  const starts = [...new Set(series.map((r) => r.startMs))].sort((a, b) => a - b);
  return starts.filter((startMs) => bucketIsWhole(startMs, bucketMs, nowMs, endMs));
}

/**
 * The small multiples of the live charts, from the metric series: tier hit ratio (%), latency
 * percentiles (ms), database queries/s, its peak queue, stale reads/s and their staleness, evictions/s
 * per tier, and a stacked chart of misses by cause for each tier that had lookups. Every chart has the
 * same buckets (the whole ones), so charts side by side always speak of the same time.
 */
export function chartModels(series: readonly SeriesRow[], options: ChartOptions): ChartModel[] {
  const { bucketMs, endMs = Infinity, tiers = [] } = options;
  const xsMs = wholeBuckets(series, options);
  const rowsOf = rowsByTier(series, xsMs);
  // A count over the time its bucket covers: the whole bucket, or the shorter last one of the run.
  const rate = (count: number, row: SeriesRow) => bucketRate(count, row, bucketMs, endMs);
  const all = rowsOf.get('all') ?? xsMs.map(() => null);
  const fromAll = (f: (r: SeriesRow) => number | null) => all.map((r) => (r ? f(r) : null));
  const usedTiers = (has: (r: SeriesRow) => boolean) =>
    tierNames.filter((tier) => rowsOf.get(tier)?.some((r) => r !== null && has(r)));

  const perTier = (has: (r: SeriesRow) => boolean, value: (r: SeriesRow) => number | null): ChartLine[] =>
    usedTiers(has).map((tier, i) =>
      line(
        tierLabel(tier),
        rowsOf.get(tier)!.map((r) => (r && has(r) ? value(r) : null)),
        i,
      ),
    );
  const base = baseOf(xsMs, bucketMs);

  const charts: ChartModel[] = [
    {
      ...base,
      id: 'hit-ratio',
      quantity: 'Hit ratio',
      title: 'Tier hit ratio',
      unit: '%',
      lines: perTier(
        (r) => r.lookups > 0,
        (r) => r.hitRatio * 100,
      ),
      yMax: 100,
      format: percent,
      short: shortPercent,
      description: "Each tier's hits ÷ its lookups in each second.",
      none: 'no lookups',
    },
    {
      ...base,
      id: 'latency',
      quantity: 'Latency',
      title: 'Latency',
      unit: 'ms',
      lines: [
        line(
          'p50',
          fromAll((r) => (r.lookups + r.requests > 0 ? r.p50Ms : null)),
          0,
        ),
        line(
          'p95',
          fromAll((r) => (r.lookups + r.requests > 0 ? r.p95Ms : null)),
          1,
        ),
        line(
          'p99',
          fromAll((r) => (r.lookups + r.requests > 0 ? r.p99Ms : null)),
          2,
        ),
      ],
      format: formatDuration,
      short: (v) => formatDecimal(v, v < 10 ? 2 : 0),
      description: 'Percentiles of the time users waited for the requests answered in each second.',
      none: 'no requests answered',
    },
    {
      ...base,
      id: 'db-queries',
      quantity: 'Database queries',
      title: 'Database queries',
      unit: 'queries/s',
      lines: [
        line(
          'queries',
          fromAll((r) => rate(r.databaseQueries, r)),
        ),
      ],
      format: perSecond,
      short: shortRate,
      description: 'Reads and writes that reached the database, per second.',
    },
    {
      ...base,
      id: 'db-queue',
      quantity: 'Peak queue',
      title: 'Database peak queue',
      unit: 'requests',
      lines: [
        line(
          'peak queue',
          fromAll((r) => r.databaseQueueMax),
          3,
        ),
      ],
      integer: true,
      format: (v) => `${formatDecimal(v, 0)} queued`,
      short: (v) => formatDecimal(v, 0),
      description: 'The longest queue of queries waiting at the database in each second.',
    },
    {
      ...base,
      id: 'stale-reads',
      quantity: 'Stale reads',
      title: 'Stale reads',
      unit: 'reads/s',
      lines: [
        line(
          'stale reads',
          fromAll((r) => rate(r.staleReads, r)),
          4,
        ),
      ],
      format: perSecond,
      short: shortRate,
      description: 'Reads answered with a version older than the latest acknowledged write, per second.',
    },
    {
      ...base,
      id: 'staleness',
      quantity: 'Staleness',
      title: 'Staleness of stale reads',
      // Seconds: staleness is on the scale of a TTL, not of a hop.
      unit: 's',
      lines: [
        line(
          'mean',
          fromAll((r) => (r.staleReads > 0 ? r.meanStalenessMs / 1000 : null)),
          4,
        ),
        line(
          'max',
          fromAll((r) => (r.staleReads > 0 ? r.maxStalenessMs / 1000 : null)),
          1,
        ),
      ],
      format: (v) => `${seconds(v)} s`,
      short: seconds,
      none: 'no stale reads',
      description:
        'How long the truth had already been newer when a stale read was answered: mean and largest.',
    },
    {
      ...base,
      id: 'evictions',
      quantity: 'Evictions',
      title: 'Evictions per tier',
      unit: 'evictions/s',
      lines: perTier(
        (r) => r.evictions > 0 || r.lookups > 0,
        (r) => rate(r.evictions, r),
      ),
      format: perSecond,
      short: shortRate,
      description: 'Entries each tier removed to make room, per second.',
    },
  ];

  for (const tier of usedTiers((r) => r.lookups > 0)) {
    const rows = rowsOf.get(tier)!;
    const totals = tiers.find((t) => t.tier === tier)?.missesByCause;
    charts.push({
      ...base,
      id: `misses-${tier}`,
      quantity: 'Misses',
      title: `Misses by cause: ${tierLabel(tier)}`,
      unit: 'misses/s',
      kind: 'stacked',
      lines: missCauses.map((cause, i) => ({
        ...line(
          missCauseLabels[cause],
          rows.map((r) => (r ? rate(r.missesByCause[cause], r) : null)),
          i,
        ),
        total: totals ? totals[cause] : null,
      })),
      format: perSecond,
      short: shortRate,
      none: 'no misses',
      description: `Misses of the ${tierLabel(tier)} per second, stacked by cause; the key gives each cause's total over the run.`,
    });
  }
  return charts;
}

/** The i-th line of a chart: the i-th colour and the i-th dash, so lines differ by more than colour. */
function line(name: string, values: (number | null)[], i = 0): ChartLine {
  return {
    name,
    colour: seriesColours[i % seriesColours.length],
    dash: dashes[i % dashes.length],
    values,
    total: null,
  };
}
// Named for what it makes where other modules use it: a comparison's lines are drawn the same way.
export { line as chartLine };

/**
 * Reads served from cache, end to end: in each whole bucket, the reads some tier answered over the
 * reads answered (the 'all' row's hit ratio, the summary's cacheHitRatio per bucket). The live charts
 * show each tier's own ratio instead; a comparison leads with this one, its headline figure.
 */
export function readsFromCacheChart(series: readonly SeriesRow[], options: ChartOptions): ChartModel {
  const xsMs = wholeBuckets(series, options);
  const all = rowsByTier(series, xsMs).get('all') ?? xsMs.map(() => null);
  return {
    ...baseOf(xsMs, options.bucketMs),
    id: 'reads-from-cache',
    quantity: 'Reads served from cache',
    title: 'Reads served from cache',
    unit: '%',
    lines: [
      line(
        'end to end',
        all.map((r) => (r && r.lookups > 0 ? r.hitRatio * 100 : null)),
      ),
    ],
    yMax: 100,
    format: percent,
    short: shortPercent,
    description: 'Reads answered by any cache tier ÷ reads answered, in each second.',
    none: 'no reads answered',
  };
}

/** Each tier's rows (and the 'all' row) at the buckets xsMs, null where a bucket has none. */
function rowsByTier(series: readonly SeriesRow[], xsMs: readonly number[]) {
  const slot = new Map(xsMs.map((x, i) => [x, i]));
  const rowsOf = new Map<SeriesRow['tier'], (SeriesRow | null)[]>();
  for (const row of series) {
    const i = slot.get(row.startMs);
    if (i === undefined) continue;
    let rows = rowsOf.get(row.tier);
    if (!rows) rowsOf.set(row.tier, (rows = xsMs.map(() => null)));
    rows[i] = row;
  }
  return rowsOf;
}

/** What every chart of a run shares: its buckets, drawn as lines on an axis fitted to the data. */
function baseOf(xsMs: number[], bucketMs: number) {
  return { xsMs, bucketMs, kind: 'lines' as const, yMax: null, integer: false, none: 'no value' };
}
