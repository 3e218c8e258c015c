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
      /Distributed cache hit ratio above 80% over the last 5 s.*\(done\).*now 93%/,
    );
    expect(items[1].textContent).toMatch(
      /Database queries\/s below 20\/s.*\(not yet\).*31\/s so far, measuring/,
    );
    expect(items[2].textContent).toMatch(/At least 1 stale read since this step began.*nothing measured yet/);
  });
});
