import { csvParse, csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { eventCsvColumns, eventCsvHeader, eventCsvRow, eventsCsv } from '../../../src/engine/export';
import type { EventOf, SimEvent, SimEventType } from '../../../src/engine/events';
import { documentedColumns } from './reportFixture';

/** One event of every type; the mapped type makes a type missing here a compile error. */
const examples: { [K in SimEventType]: EventOf<K> } = {
  'request.issued': { type: 'request.issued', t: 0, req: 1, client: 0, op: 'read', key: 'item:1' },
  hop: { type: 'hop', t: 0, req: 1, from: 'client:0', to: 'lb', arriveMs: 20.5 },
  'cache.hit': {
    type: 'cache.hit',
    t: 21,
    req: 1,
    tier: 'distributed',
    node: 'cache:2',
    key: 'item:1',
    version: 3,
    stale: true,
  },
  'cache.miss': {
    type: 'cache.miss',
    t: 21,
    req: 1,
    tier: 'local',
    node: 'app:1',
    key: 'item:1',
    cause: 'capacity',
  },
  'cache.fill': { type: 'cache.fill', t: 30, req: 1, tier: 'cdn', node: 'cdn', key: 'item:1', version: 3 },
  'cache.eviction': { type: 'cache.eviction', t: 30, tier: 'cdn', node: 'cdn', key: 'item:9' },
  'cache.expiry': { type: 'cache.expiry', t: 31, tier: 'browser', node: 'client:4', key: 'item:2' },
  'cache.invalidation': {
    type: 'cache.invalidation',
    t: 32,
    tier: 'local',
    node: 'app:0',
    key: 'item:2',
    reason: 'bus',
  },
  'bus.message': { type: 'bus.message', t: 33, key: 'item:2', to: 'app:0', arriveMs: 83, lost: false },
  'database.read': { type: 'database.read', t: 34, req: 2, node: 'db', key: 'item:3', version: 0, queued: 4 },
  'database.write': { type: 'database.write', t: 35, req: 3, node: 'db', key: 'item:3', version: 1 },
  'write.ack': { type: 'write.ack', t: 36, req: 3, client: 1, key: 'item:3', version: 1 },
  'read.stale': {
    type: 'read.stale',
    t: 37,
    req: 4,
    client: 2,
    key: 'item:3',
    version: 0,
    truthVersion: 1,
    stalenessMs: 1.0006,
  },
  leak: { type: 'leak', t: 38, req: 5, client: 3, key: 'feed:u1', owner: 1 },
  'request.done': {
    type: 'request.done',
    t: 39.25,
    req: 1,
    client: 0,
    op: 'read',
    key: 'item:1',
    latencyMs: 39.25,
    servedBy: 'distributed',
  },
  'writeback.flush': { type: 'writeback.flush', t: 1040, key: 'item:3', version: 1, node: 'cache:0' },
  'write.lost': { type: 'write.lost', t: 1041, key: 'item:4', version: 2, node: 'cache:1' },
  'session.lost': { type: 'session.lost', t: 1042, client: 5, node: 'cache:1' },
  'node.down': { type: 'node.down', t: 1043, node: 'cache:1' },
  'node.up': { type: 'node.up', t: 1044, node: 'cache:1' },
  'node.state': { type: 'node.state', t: 1045, node: 'cache:1', state: 'warming' },
  command: { type: 'command', t: 1046, summary: 'purge all, at every tier' },
};
const allExamples: SimEvent[] = Object.values(examples);

function parse(csv: string) {
  return csvParse(csv);
}

describe('eventsCsv', () => {
  it('writes the header exactly as docs/csv.md documents it', () => {
    expect(documentedColumns('events.csv')).toEqual(eventCsvColumns);
    expect(eventCsvHeader).toBe(eventCsvColumns.join(',') + '\n');
    expect(eventCsvColumns.slice(0, 6)).toEqual(['type', 't', 'req', 'client', 'op', 'key']);
  });

  it('has a column for every field of every event type, and no column no event uses', () => {
    const used = new Set<string>();
    for (const event of allExamples) {
      for (const field of Object.keys(event)) {
        expect(eventCsvColumns, `${event.type}.${field}`).toContain(field);
        used.add(field);
      }
    }
    expect([...used].sort()).toEqual([...eventCsvColumns].sort());
  });

  it('fills the fields an event has, leaves the others empty, and parses back to the same values', () => {
    const rows = parse(eventsCsv(allExamples));
    expect(rows).toHaveLength(allExamples.length);
    allExamples.forEach((event, i) => {
      const row = rows[i];
      const fields = event as unknown as Record<string, unknown>;
      for (const column of eventCsvColumns) {
        const value = fields[column];
        if (value === undefined) expect(row[column], `${event.type} ${column}`).toBe('');
        else if (typeof value === 'number') expect(Number(row[column])).toBeCloseTo(value, 3);
        else expect(row[column]).toBe(String(value));
      }
    });
  });

  it('prints milliseconds with 3 decimals, ids and versions as integers, booleans as true/false', () => {
    const hit = parse(eventsCsv([examples['cache.hit']]))[0];
    expect([hit.t, hit.req, hit.version, hit.stale]).toEqual(['21.000', '1', '3', 'true']);
    const stale = parse(eventsCsv([examples['read.stale']]))[0];
    expect(stale.stalenessMs).toBe('1.001');
    const hop = parse(eventsCsv([examples.hop]))[0];
    expect(hop.arriveMs).toBe('20.500');
  });

  it('never writes -0 or exponent notation', () => {
    const event: SimEvent = { ...examples['request.done'], t: 123456789.0004, latencyMs: -1e-12 };
    const row = parse(eventsCsv([event]))[0];
    expect(row.t).toBe('123456789.000');
    expect(row.latencyMs).toBe('0.000');
    const tiny = parse(eventsCsv([{ ...examples.hop, t: 1e-7, arriveMs: 5e-324 }]))[0];
    expect([tiny.t, tiny.arriveMs]).toEqual(['0.000', '0.000']);
  });

  it('quotes keys holding commas, quotes and line breaks, and they parse back intact', () => {
    const keys = ['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', ' spaced ', 'plain'];
    const events: SimEvent[] = keys.map((key, i) => ({ ...examples['request.issued'], req: i, key }));
    const csv = eventsCsv(events);
    expect(csv).toContain('"a,b"');
    expect(csv).toContain('"say ""hi"""');
    expect(parse(csv).map((row) => row.key)).toEqual(keys);
    const rows = csvParseRows(csv.slice(0, -1));
    expect(rows).toHaveLength(keys.length + 1);
    for (const row of rows) expect(row).toHaveLength(eventCsvColumns.length);
  });

  it('streams: the header then one row per event gives the same bytes as the whole log at once', () => {
    let streamed = eventCsvHeader;
    for (const event of allExamples) streamed += eventCsvRow(event);
    expect(streamed).toBe(eventsCsv(allExamples));
    for (const event of allExamples) {
      const row = eventCsvRow(event);
      expect(row.endsWith('\n')).toBe(true);
      expect(row.slice(0, -1)).not.toContain('\n');
    }
  });

  it('writes only the header for an empty log', () => {
    expect(eventsCsv([])).toBe(eventCsvHeader);
  });
});
