import type { MissRatioCurve } from '../replay/missRatioCurve';
import { csvTable, notApplicable, type CsvColumn } from './csvText';
import { csvCount, csvRatio } from '../format/csvNumbers';

/** A row of the curve: a simulated point, or a model's prediction for one policy. */
interface CurveRow {
  policy: string;
  source: string;
  capacity: number;
  unit: string;
  missRatio: number;
  /** Counts of the replay; null on a model's row, which predicts a ratio only. */
  counts: { hits: number; misses: number; requests: number } | null;
}

const counted = (value: (counts: NonNullable<CurveRow['counts']>) => number) => (row: CurveRow) =>
  row.counts ? csvCount(value(row.counts)) : notApplicable;

const columns: CsvColumn<CurveRow>[] = [
  { name: 'policy', value: (row) => row.policy },
  { name: 'source', value: (row) => row.source },
  { name: 'capacity', value: (row) => csvCount(row.capacity) },
  { name: 'unit', value: (row) => row.unit },
  { name: 'missRatio', value: (row) => csvRatio(row.missRatio) },
  { name: 'hitRatio', value: (row) => csvRatio(1 - row.missRatio) },
  { name: 'hits', value: counted((c) => c.hits) },
  { name: 'misses', value: counted((c) => c.misses) },
  { name: 'requests', value: counted((c) => c.requests) },
];

/** The miss-ratio curve's columns, in order (docs/csv.md). */
export const missRatioCurveCsvColumns: readonly string[] = columns.map((column) => column.name);

/**
 * A miss-ratio curve as one table: a `simulation` row per policy and capacity (the trace replayed), then
 * a row per model, policy and capacity (`che-lru`, `king-gelenbe-fifo-random`), whose counts are empty.
 * Filter on `source` to draw the simulated curves and the dashed models apart.
 */
export function missRatioCurveCsv(curve: MissRatioCurve): string {
  const rows: CurveRow[] = curve.points.map((point) => ({
    policy: point.policy,
    source: 'simulation',
    capacity: point.capacity,
    unit: curve.unit,
    missRatio: point.missRatio,
    counts: { hits: point.hits, misses: point.misses, requests: point.requests },
  }));
  for (const model of curve.models) {
    for (const policy of model.policies) {
      rows.push({
        policy,
        source: model.model,
        capacity: model.capacity,
        unit: curve.unit,
        missRatio: model.missRatio,
        counts: null,
      });
    }
  }
  return csvTable(columns, rows);
}
