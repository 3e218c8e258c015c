// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/engine/run/runToEnd';
import { loadPreset } from '../../../src/engine/scenario/presets/index';
import RunSummary from '../../../src/ui/layout/RunSummary.svelte';

const metrics = runToEnd(loadPreset('layered'), [], { untilMs: 5000 }).metrics();

describe('RunSummary', () => {
  it("says why the stale reads can outnumber the tiers' stale hits: they are judged as the answer arrives", () => {
    render(RunSummary, { metrics });
    const stale = screen.getByTestId('stale-reads');
    const meaning = document.getElementById(stale.getAttribute('aria-describedby')!)?.textContent;
    expect(meaning).toMatch(/when they reached the user/);
    expect(meaning).toMatch(/staleHits in the per-tier CSV/);
    expect(stale.closest('[title]')?.getAttribute('title')).toBe(meaning);
  });

  it('names the two hit ratios apart, each with what it divides', () => {
    render(RunSummary, { metrics });
    const served = screen.getByTestId('hit-ratio');
    expect(served.previousElementSibling?.textContent).toBe('Reads served from cache');
    expect(served.textContent).toBe(`${(metrics.endToEnd.cacheHitRatio * 100).toFixed(1)}%`);
    expect(screen.getByText('Reads served from cache').closest('[title]')?.getAttribute('title')).toMatch(
      /share of reads that any cache answered/,
    );
    const column = screen.getByRole('columnheader', { name: 'Tier hit ratio' });
    expect(column.getAttribute('title')).toMatch(/hits ÷ its lookups/);
    expect(document.getElementById(column.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /hits ÷ its lookups/,
    );
    expect(document.getElementById(served.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /any cache/,
    );
    // Neither is left with the bare name that could mean either.
    expect(screen.queryByText(/^(Cache )?hit ratio$/i)).toBeNull();
  });

  it("names each tier's row by the tier-label table", () => {
    render(RunSummary, { metrics });
    expect(screen.getByRole('rowheader', { name: 'Distributed cache' })).toBeTruthy();
  });
});
