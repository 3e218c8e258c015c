import { csvFormatRow, csvFormatValue } from 'd3-dsv';
import type { SimEvent } from '../events';
import { lineEnd } from './csvText';
import { csvCount, csvMs } from '../format/csvNumbers';

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
/** Every field name any event type has. */
type EventField = KeysOfUnion<SimEvent>;

/**
 * How each event field prints, in column order. The type makes this list exactly the fields of the
 * SimEvent union: a field added to an event and not here, or listed here and on no event, fails to
 * compile, so the event log never silently drops what the engine reports.
 */
const fieldKinds: Record<EventField, 'text' | 'ms' | 'count' | 'boolean'> = {
  type: 'text',
  t: 'ms',
  req: 'count',
  client: 'count',
  op: 'text',
  key: 'text',
  tier: 'text',
  node: 'text',
  from: 'text',
  to: 'text',
  arriveMs: 'ms',
  version: 'count',
  truthVersion: 'count',
  stale: 'boolean',
  stalenessMs: 'ms',
  cause: 'text',
  reason: 'text',
  lost: 'boolean',
  queued: 'count',
  servedBy: 'text',
  latencyMs: 'ms',
  owner: 'count',
  state: 'text',
  summary: 'text',
};

/** The event log's columns, in order: the columns docs/csv.md describes. */
export const eventCsvColumns: readonly string[] = Object.keys(fieldKinds);
const kinds = eventCsvColumns.map((name) => fieldKinds[name as EventField]);

/** Reused by every row: eventCsvRow allocates only the strings it returns. */
const rowFields: string[] = new Array(eventCsvColumns.length).fill('');

/** The event log's header line, ended by `\n`: write it once, then one `eventCsvRow` per event. */
export const eventCsvHeader: string = csvFormatRow(eventCsvColumns as string[]) + lineEnd;

/**
 * One event as a CSV line ended by `\n`, for streaming a log of any length. Fields the event's type
 * does not have are empty.
 *
 * @example
 * let csv = eventCsvHeader;
 * runToEnd(scenario, [], { onEvent: (event) => (csv += eventCsvRow(event)) });
 */
export function eventCsvRow(event: SimEvent): string {
  const record = event as unknown as Record<string, unknown>;
  const fields = rowFields;
  for (let i = 0; i < fields.length; i++) {
    const value = record[eventCsvColumns[i]];
    const kind = kinds[i];
    if (value === undefined || value === null) fields[i] = '';
    // Numbers and booleans never need quotes; only text goes through d3-dsv's quoting.
    else if (kind === 'ms') fields[i] = csvMs(value as number);
    else if (kind === 'count') fields[i] = csvCount(value as number);
    else if (kind === 'boolean') fields[i] = value ? 'true' : 'false';
    else fields[i] = csvFormatValue(String(value));
  }
  // join gives a flat string: a long log kept in memory as many small ropes is several times slower.
  return fields.join(',') + lineEnd;
}

/** A whole event log as CSV: the header, then a row per event in the order given. */
export function eventsCsv(events: Iterable<SimEvent>): string {
  const parts = [eventCsvHeader];
  for (const event of events) parts.push(eventCsvRow(event));
  return parts.join('');
}
