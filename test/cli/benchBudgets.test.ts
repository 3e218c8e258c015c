import { describe, expect, it } from 'vitest';
import { budgetVerdicts } from '../../src/cli/benchBudgets';
import type { TraceReplayRow } from '../../src/cli/benchTraceReplay';

function row(policy: 'lru' | 'fifo', capacityFraction: number, requestsPerSecond: number): TraceReplayRow {
  return {
    policy,
    capacityFraction,
    capacity: 1,
    requestsPerSecond,
    cpuRequestsPerSecond: requestsPerSecond,
    missRatio: 0.5,
  };
}

describe('the bench budgets', () => {
  it('name each trace-replay budget per cache size and say which were met', () => {
    const verdicts = budgetVerdicts(
      [row('lru', 0.01, 5e6), row('fifo', 0.01, 6e6), row('lru', 0.1, 3.9e6), row('fifo', 0.1, 3.8e6)],
      { eventsOff: 1.2e6, eventsOn: 2.9e5, heapMb: 50 },
    );
    expect(verdicts).toEqual([
      { budget: 'trace replay, cache at 1%: LRU at least 4M requests/s', met: true },
      { budget: 'trace replay, cache at 1%: FIFO faster than LRU', met: true },
      { budget: 'trace replay, cache at 10%: LRU at least 4M requests/s', met: false },
      { budget: 'trace replay, cache at 10%: FIFO faster than LRU', met: false },
      { budget: 'full model, events off: at least 1M requests/s', met: true },
      { budget: 'full model, events on: at least 300k requests/s', met: false },
    ]);
  });

  it('leave out the events-on budget when that run was not timed', () => {
    const verdicts = budgetVerdicts([], { eventsOff: 0.5e6, eventsOn: NaN, heapMb: 50 });
    expect(verdicts).toEqual([{ budget: 'full model, events off: at least 1M requests/s', met: false }]);
  });
});
