import { readFileSync, writeFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { exportRun } from '../../src/engine/export';
import { parseScenario } from '../../src/engine/scenario/parseScenario';

/*
 * The event log of a tiny run, kept byte for byte in test/fixtures/golden/tiny-events.csv.
 *
 * One client, one key (item:0), two app servers (round robin), one distributed cache node with the
 * default cache-aside reads and write-around-invalidate writes, no buffer pool and no disk time (to keep
 * the arithmetic plain), no jitter. With the
 * default latencies a trip is client -> lb 25 ms (20 to the edge + 5 to the app), lb -> app 0, the
 * app's service 1, app <-> cache 0.5, app <-> db 1, a database read 5 and a write 10, app -> client 25.
 * Seed 27 issues six requests: read, read, read, write, read, read.
 *
 * Checked by hand, line by line (line 1 is the header):
 * - req 0, read at 51.266 (lines 2-14): client -> lb arrives 76.266; lb -> app:0; after 1 ms of service
 *   app:0 -> cache:0 arrives 77.766, where the key was never cached: cache.miss cold. Back to the app
 *   at 78.266, app -> db at 79.266, database.read done at 84.266 (5 ms) with version 0, queue 0. The
 *   answer reaches the app at 85.266, which sends the fill to the cache and the reply to the client at
 *   once: cache.fill v0 at 85.766, request.done at 110.266 served by the database, 59 ms = 25 + 1 +
 *   0.5 + 0.5 + 1 + 5 + 1 + 25.
 * - req 1, read at 157.932 (lines 15-22): round robin gives app:1; cache.hit v0 at 184.432, not stale
 *   (the truth is 0); done at 209.932, 52 ms = 25 + 1 + 0.5 + 0.5 + 25.
 * - req 2 read at 329.866 and req 3 write at 340.088 overlap (lines 23-42). req 2 goes to app:0 and hits
 *   v0 at 356.366, fresh at that moment. req 3 goes to app:1, reaches the db at 367.088 and the write
 *   commits at 377.088 (10 ms) as version 1: database.write and write.ack at the same time, so the
 *   truth is v1 from 377.088. The answer is back at app:1 at 378.088, which sends a delete to the
 *   cache (a hop app:1 -> cache:0 arriving 378.588): cache.invalidation reason write at 378.588, and replies to the client (done at 403.088,
 *   63 ms, served by the database). Meanwhile req 2's answer, v0, reaches the client at 381.866, after
 *   the truth moved: read.stale with version 0, truthVersion 1, staleness 4.778 ms = 381.866 - 377.088,
 *   then request.done, 52 ms from the cache. Stale at delivery, fresh at the hit: both are right.
 * - req 4, read at 420.999 (lines 43-55): app:0; cache.miss with cause invalidated (the write deleted
 *   it); database.read of version 1 at 453.999; cache.fill v1 at 455.499; done at 479.999, 59 ms.
 * - req 5, read at 881.372 (lines 56-63): app:1; cache.hit v1, not stale; done at 933.372, 52 ms.
 * - Nothing else happens before 1000 ms: the cache's 300 s TTL does not expire, one key never evicts.
 *
 * If the model changes on purpose, regenerate with UPDATE_GOLDEN=1 and check the new file by hand the
 * same way before committing it.
 */

const fixture = new URL('../fixtures/golden/tiny-events.csv', import.meta.url);

const tiny = parseScenario({
  version: 1,
  seed: 27,
  durationMs: 1000,
  workload: { clients: 1, ratePerSecond: 6, writeRatio: 0.25, keySpaces: [{ name: 'item', count: 1 }] },
  topology: { distributed: { nodes: 1 }, database: { bufferPool: { enabled: false }, diskReadMs: 0 } },
  latency: { jitter: 0 },
});

describe('golden event log of a tiny run', () => {
  const events = exportRun(tiny, []).events;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(fixture, events);

  it('tells the story of a cold miss, a fill, hits, a write that invalidates, a stale read and a refill', () => {
    const story = csvParse(events)
      .filter((row) => row.type !== 'hop')
      .map((row) =>
        [row.type, row.req, row.op, row.cause, row.version, row.truthVersion, row.reason, row.servedBy]
          .filter((field) => field !== '')
          .join(' '),
      );
    expect(story).toEqual([
      'request.issued 0 read',
      'cache.miss 0 cold',
      'database.read 0 0',
      'cache.fill 0 0',
      'request.done 0 read database',
      'request.issued 1 read',
      'cache.hit 1 0',
      'request.done 1 read distributed',
      'request.issued 2 read',
      'request.issued 3 write',
      'cache.hit 2 0',
      'database.write 3 1',
      'write.ack 3 1',
      'cache.invalidation write',
      'read.stale 2 0 1',
      'request.done 2 read distributed',
      'request.done 3 write database',
      'request.issued 4 read',
      'cache.miss 4 invalidated',
      'database.read 4 1',
      'cache.fill 4 1',
      'request.done 4 read database',
      'request.issued 5 read',
      'cache.hit 5 1',
      'request.done 5 read distributed',
    ]);
  });

  it('is byte for byte the event log checked by hand in test/fixtures/golden/tiny-events.csv', () => {
    expect(events).toBe(readFileSync(fixture, 'utf8'));
  });
});
