import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/createEngine';
import {
  describeCheck,
  describeStanding,
  evaluateGoal,
  openBucket,
  parseLesson,
} from '../../../src/engine/lessons/index';
import { readLessonFiles } from './readLessons';
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
    meanStalenessMs: 0,
    maxStalenessMs: 0,
    evictions: 0,
    expirations: 0,
    invalidations: 0,
    requests: 0,
    databaseQueries: 0,
    databaseQueueMax: 0,
    completed: 0,
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

  it('compares a window with the same length of time just before the step began', () => {
    const rises: GoalCheck = {
      metric: 'tier.hitRatio',
      tier: 'distributed',
      risesBy: 0.5,
      window: { lastMs: 3000 },
    };
    // Begun at 5 s, as the cache warms: 90% now against 10% over 2-5 s.
    const [warming] = evaluateGoal([rises], { metrics: report(8000), stepStartMs: 5000, atStepStart: zero });
    expect(warming).toMatchObject({ met: true, ready: true });
    expect(warming.value).toBeCloseTo(0.8);
    expect(warming.before).toBeCloseTo(0.1);
    // Begun once warm: as high as ever, but no higher than before the step.
    const [warm] = evaluateGoal([rises], { metrics: report(11000), stepStartMs: 8000, atStepStart: zero });
    expect(warm).toMatchObject({ met: false, value: 0 });
    const drops: GoalCheck = { metric: 'database.queriesPerSecond', dropsBy: 50, window: { lastMs: 3000 } };
    const [fewer] = evaluateGoal([drops], { metrics: report(8000), stepStartMs: 5000, atStepStart: zero });
    expect(fewer).toMatchObject({ met: true, value: 80, before: 90 });
    expect(describeStanding(fewer)).toBe('80/s below (90/s before the step)');
  });

  it('checks a setting in the settings in effect, and is unmet without them', () => {
    const lesson = readLessonFiles()
      .map(({ file, text }) => parseLesson(text, file))
      .find((l) => l.id === '05-memory-pressure')!;
    const s3fifo: GoalCheck = { setting: 'tiers.distributed.eviction', is: 's3fifo' };
    const context = { metrics: report(3000), stepStartMs: 0, atStepStart: zero };
    expect(evaluateGoal([s3fifo], context)[0].met).toBe(false);
    expect(evaluateGoal([s3fifo], { ...context, settings: lesson.scenario })[0]).toMatchObject({
      met: false,
      setting: 'lru',
    });
    const engine = createEngine(lesson.scenario, { recordEvents: false });
    engine.apply({ type: 'tier.configure', tier: 'distributed', changes: { eviction: 's3fifo' } });
    expect(evaluateGoal([s3fifo], { ...context, settings: engine.settings() })[0].met).toBe(true);
    expect(describeCheck(s3fifo)).toBe('Distributed cache eviction is s3fifo');
  });

  it('words each check for the checklist', () => {
    expect(describeCheck(hitRatio)).toBe('Distributed cache tier hit ratio above 80% over the last 3 s');
    expect(describeCheck({ metric: 'database.queueMax', atLeast: 20, window: { lastMs: 4000 } })).toBe(
      'Longest database queue at least 20 over the last 4 s',
    );
    expect(
      describeCheck({
        metric: 'tier.hitRatio',
        tier: 'distributed',
        risesBy: 0.05,
        window: { lastMs: 5000 },
      }),
    ).toBe("Distributed cache tier hit ratio at least 5 points above the step's start over the last 5 s");
    expect(describeCheck(fewQueries)).toBe('Database queries below 20/s over the last 3 s');
    expect(describeCheck({ event: 'read.stale', atLeast: 1 })).toBe(
      'At least 1 stale read since this step began',
    );
  });
});

describe('a step that begins mid-bucket', () => {
  // Lesson 4's second step, begun where a student's run paused: 4.089 s, inside the bucket [4 s, 5 s).
  const lesson = readLessonFiles()
    .map(({ file, text }) => parseLesson(text, file))
    .find((l) => l.id === '04-manual-invalidation')!;
  const step = lesson.steps[1];
  const startMs = 4089;

  function runStep(withSnapshot: boolean) {
    const engine = createEngine(lesson.scenario, { recordEvents: false });
    engine.runUntil(startMs);
    const atStart = engine.metrics();
    for (const command of step.solution) engine.apply(command);
    engine.runUntil(startMs + 800);
    return evaluateGoal(step.goal.all, {
      metrics: engine.metrics(),
      stepStartMs: startMs,
      atStepStart: atStart.endToEnd,
      openBucketAtStart: withSnapshot ? openBucket(atStart) : undefined,
    });
  }

  it('counts what the student did in its first moments, in the bucket it began in', () => {
    // The purge at 4.089 s and the miss after it both fall in the bucket that began at 4 s.
    const results = runStep(true);
    expect(results.map((r) => r.value)).toEqual([1, expect.any(Number)]);
    expect(results[1].value).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.met)).toBe(true);
  });

  it('did not see them when it counted only from the next bucket on', () => {
    expect(runStep(false).map((r) => r.value)).toEqual([0, 0]);
  });

  it('does not count what happened in that bucket before the step began', () => {
    const engine = createEngine(lesson.scenario, { recordEvents: false });
    engine.runUntil(startMs);
    const atStart = engine.metrics();
    engine.runUntil(startMs + 500); // the student waits: the cache only hits and misses as before
    const context = { metrics: engine.metrics(), stepStartMs: startMs, atStepStart: atStart.endToEnd };
    const requests: GoalCheck = { metric: 'endToEnd.requests', atLeast: 0 };
    const [since] = evaluateGoal([requests], { ...context, openBucketAtStart: openBucket(atStart) });
    const all = (r: MetricsReport) =>
      r.series.filter((row) => row.tier === 'all').reduce((s, row) => s + row.requests, 0);
    expect(since.value).toBe(all(engine.metrics()) - all(atStart));
    expect(since.value).toBeGreaterThan(0);
  });
});
