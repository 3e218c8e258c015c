// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/engine/lessons/evaluateGoal';
import GoalChecklist from '../../../src/ui/lessons/GoalChecklist.svelte';

const results: CheckResult[] = [
  {
    check: { metric: 'tier.hitRatio', tier: 'distributed', above: 0.8, window: { lastMs: 5000 } },
    met: true,
    ready: true,
    value: 0.93,
  },
  {
    check: { metric: 'database.queriesPerSecond', below: 20, window: { lastMs: 5000 } },
    met: false,
    ready: false,
    value: 31,
  },
  { check: { event: 'read.stale', atLeast: 1 }, met: false, ready: true, value: null },
];

describe('GoalChecklist', () => {
  it('shows each check in words, ticked or not, with the figure now', () => {
    render(GoalChecklist, { results });
    const items = screen.getAllByTestId('goal-check');
    expect(items.map((i) => i.dataset.met)).toEqual(['true', 'false', 'false']);
    expect(items[0].textContent).toMatch(
      /Distributed cache tier hit ratio above 80% over the last 5 s.*\(done\).*now 93%/,
    );
    expect(items[1].textContent).toMatch(
      /Database queries below 20\/s.*\(not yet\).*31\/s so far, measuring/,
    );
    expect(items[2].textContent).toMatch(/At least 1 stale read since this step began.*nothing measured yet/);
  });

  it("shows a setting's value in effect, and a comparison with the step's start beside the figure before it", () => {
    render(GoalChecklist, {
      results: [
        {
          check: { setting: 'tiers.distributed.eviction', is: 's3fifo' },
          met: false,
          ready: true,
          value: null,
          setting: 'lru',
        },
        {
          check: { metric: 'tier.hitRatio', tier: 'distributed', risesBy: 0.05, window: { lastMs: 5000 } },
          met: false,
          ready: true,
          value: 0.032,
          before: 0.22,
        },
      ],
    });
    const items = screen.getAllByTestId('goal-check');
    expect(items[0].textContent).toMatch(/Distributed cache eviction is s3fifo.*\(not yet\).*now lru/);
    expect(items[1].textContent).toMatch(
      /at least 5 points above the step's start over the last 5 s.*now 3\.2 points above \(22% before the step\)/,
    );
  });
});
