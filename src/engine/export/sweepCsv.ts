import type { SweepPoint } from '../experiments/sweepPoint';
import { tierNames } from '../tiers/tierNames';
import { csvTable, notApplicable, type CsvColumn } from './csvText';
import { csvCount, csvMs, csvRate, csvRatio } from '../format/csvNumbers';

/** A sweep's point with the setting it varied. */
interface SweepRow {
  setting: string;
  point: SweepPoint;
}

const orEmpty = (value: number | null, format: (v: number) => string) =>
  value === null ? notApplicable : format(value);

const columns: CsvColumn<SweepRow>[] = [
  { name: 'setting', value: (row) => row.setting },
  { name: 'value', value: (row) => (row.point.value === null ? 'null' : String(row.point.value)) },
  { name: 'requests', value: (row) => csvCount(row.point.requests) },
  { name: 'reads', value: (row) => csvCount(row.point.reads) },
  { name: 'readsServedFromCache', value: (row) => orEmpty(row.point.readsServedFromCache, csvRatio) },
  { name: 'staleReads', value: (row) => csvCount(row.point.staleReads) },
  { name: 'staleReadRate', value: (row) => orEmpty(row.point.staleReadRate, csvRatio) },
  { name: 'databaseQueries', value: (row) => csvCount(row.point.databaseQueries) },
  { name: 'databaseQueriesPerSecond', value: (row) => csvRate(row.point.databaseQueriesPerSecond) },
  { name: 'p50LatencyMs', value: (row) => orEmpty(row.point.p50LatencyMs, csvMs) },
  { name: 'p95LatencyMs', value: (row) => orEmpty(row.point.p95LatencyMs, csvMs) },
  { name: 'p99LatencyMs', value: (row) => orEmpty(row.point.p99LatencyMs, csvMs) },
  { name: 'lostWrites', value: (row) => csvCount(row.point.lostWrites) },
  { name: 'leaks', value: (row) => csvCount(row.point.leaks) },
  ...tierNames.map((tier) => ({
    name: `${tier}HitRatio`,
    value: (row: SweepRow) => orEmpty(row.point.tierHitRatios[tier] ?? null, csvRatio),
  })),
  // The models' predictions of that tier's hit ratio (engine/experiments/sweepOverlay.ts).
  { name: 'predictedTier', value: (row) => row.point.prediction.tier },
  { name: 'predictedHitRatioChe', value: (row) => orEmpty(row.point.prediction.che, csvRatio) },
  { name: 'predictedHitRatioFifoRandom', value: (row) => orEmpty(row.point.prediction.fifoRandom, csvRatio) },
  { name: 'predictedHitRatioTtl', value: (row) => orEmpty(row.point.prediction.ttl, csvRatio) },
];

/** The sweep CSV's columns, in order (docs/csv.md). */
export const sweepCsvColumns: readonly string[] = columns.map((column) => column.name);

/** A sweep as one table: a row per value of the setting, in the order swept. */
export function sweepCsv(setting: string, points: readonly SweepPoint[]): string {
  return csvTable(
    columns,
    points.map((point) => ({ setting, point })),
  );
}
