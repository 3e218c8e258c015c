import { describe, expect, it } from 'vitest';
import { describeCheck, evaluateGoal } from '../../../src/engine/lessons/index';
import type { GoalCheck } from '../../../src/engine/lessons/lessonSchema';
import type { MetricsReport, SeriesRow } from '../../../src/engine/metrics/types';

const causes = { cold: 0, capacity: 0, expired: 0, invalidated: 0 };

function row(startMs: number, tier: SeriesRow['tier'], fields: Partial<SeriesRow>): SeriesRow {
  return {
    startMs,
    tier,
    lookups: 0,
    hits: 0,
    misses: 0,
    missesByCause: causes,
    hitRatio: 0,
    staleReads: 0,
    evictions: 0,
    expirations: 0,
    invalidations: 0,
    requests: 0,
    databaseQueries: 0,
    databaseQueueMax: 0,
    p50Ms: 0,
    p95Ms: 0,
    p99Ms: 0,
    ...fields,
  };
}

/** Ten one-second buckets: a cold cache until 5 s (10% hits, 90 queries/s), then a warm one (90%, 10/s). */
function report(nowMs: number, leaks = 0): MetricsReport {
  const series: SeriesRow[] = [];
  for (let s = 0; s < nowMs; s += 1000) {
    const warm = s >= 5000;
    series.push(row(s, 'distributed', { lookups: 100, hits: warm ? 90 : 10 }));
    series.push(row(s, 'all', { databaseQueries: warm ? 10 : 90, staleReads: warm ? 0 : 3 }));
  }
  return {
    nowMs,
    bucketMs: 1000,
    tiers: [],
    series,
    endToEnd: { leaks, lostWrites: 0, loggedOut: 0 } as MetricsReport['endToEnd'],
  };
}

const zero = { leaks: 0, lostWrites: 0, loggedOut: 0, cacheNodeFailures: 0 };
const hitRatio: GoalCheck = {
  metric: 'tier.hitRatio',
  tier: 'distributed',
  above: 0.8,
  window: { lastMs: 3000 },
};
const fewQueries: GoalCheck = { metric: 'database.queriesPerSecond', below: 20, window: { lastMs: 3000 } };

describe('evaluateGoal', () => {
  it('measures a ratio over the window and waits until the whole window has passed since the step began', () => {
    const [early] = evaluateGoal([hitRatio], { metrics: report(7000), stepStartMs: 5000, atStepStart: zero });
    expect(early).toMatchObject({ met: false, ready: false, value: 0.9 });
    const [later] = evaluateGoal([hitRatio], { metrics: report(8000), stepStartMs: 5000, atStepStart: zero });
    expect(later).toMatchObject({ met: true, ready: true, value: 0.9 });
  });

  it('never counts what happened before the step began', () => {
    // The last 3 s reach back into the cold phase, but the step began at 6 s.
    const [result] = evaluateGoal([fewQueries], {
      metrics: report(9000),
      stepStartMs: 6000,
      atStepStart: zero,
    });
    expect(result).toMatchObject({ met: true, value: 10 });
    const [cold] = evaluateGoal([fewQueries], { metrics: report(7000), stepStartMs: 0, atStepStart: zero });
    expect(cold.met).toBe(false);
    expect(cold.value).toBeCloseTo((90 + 10 + 10) / 3); // buckets 4, 5 and 6 s
  });

  it('counts events since the step began, and ticks an "at least" as soon as it is reached', () => {
    const stale: GoalCheck = { event: 'read.stale', atLeast: 6 };
    expect(
      evaluateGoal([stale], { metrics: report(2000), stepStartMs: 0, atStepStart: zero })[0],
    ).toMatchObject({ met: true, value: 6 });
    expect(
      evaluateGoal([stale], { metrics: report(4000), stepStartMs: 2000, atStepStart: zero })[0],
    ).toMatchObject({ met: true, value: 6 });
    expect(
      evaluateGoal([stale], { metrics: report(9000), stepStartMs: 4000, atStepStart: zero })[0],
    ).toMatchObject({ met: false, value: 3 });
  });

  it('counts run totals such as leaks from their value when the step began', () => {
    const leaks: GoalCheck = { event: 'leak', atLeast: 5 };
    const [result] = evaluateGoal([leaks], {
      metrics: report(3000, 12),
      stepStartMs: 1000,
      atStepStart: { ...zero, leaks: 8 },
    });
    expect(result).toMatchObject({ met: false, value: 4 });
  });

  it('words each check for the checklist', () => {
    expect(describeCheck(hitRatio)).toBe('Distributed cache hit ratio above 80% over the last 3 s');
    expect(describeCheck(fewQueries)).toBe('Database queries/s below 20/s over the last 3 s');
    expect(describeCheck({ event: 'read.stale', atLeast: 1 })).toBe(
      'At least 1 stale read since this step began',
    );
  });
});
