// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Charts from '../../../src/ui/views/Charts.svelte';
import RunChartFigure from '../../../src/ui/views/RunChartFigure.svelte';
import { chartModels } from '../../../src/ui/views/lib/chartModels';
import { seriesFixture } from './fixtures';

const run = { name: 'flash-sale', seed: 7 };
const latency = () => chartModels(seriesFixture(), { bucketMs: 1000 }).find((m) => m.id === 'latency')!;

describe('RunChartFigure', () => {
  it('draws inside its SVG the title, both axis labels with units, every series and the run', () => {
    const { container } = render(RunChartFigure, { model: latency(), run });
    const svg = container.querySelector('svg')!;
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    for (const text of [
      'Latency',
      'Simulated time (s)',
      'Latency (ms)',
      'p50',
      'p95',
      'p99',
      'flash-sale · seed 7 · 0–3 s simulated · Cachescope',
    ]) {
      expect(texts).toContain(text);
    }
    // Each line's dash as the legend shows it: the legend's swatch and the line agree.
    const dashes = [...svg.querySelectorAll('path')].map((p) => p.getAttribute('stroke-dasharray'));
    expect(dashes).toEqual([null, '6 3', '2 2']);
  });

  it('styles the file with presentation attributes only, in a font with a generic family', () => {
    const { container } = render(RunChartFigure, { model: latency(), run });
    const svg = container.querySelector('svg')!;
    expect(svg.querySelectorAll('[class], [style], style')).toHaveLength(0);
    expect(svg.getAttribute('font-family')).toMatch(/sans-serif$/);
    expect(svg.getAttribute('viewBox')).toBe('0 0 720 420');
  });
});

describe('Charts export menu', () => {
  it('offers each chart as SVG and PNG by its name when the charts know their run', async () => {
    render(Charts, { series: seriesFixture(), bucketMs: 1000, run });
    const figure = screen.getByRole('figure', { name: 'Tier hit ratio (%)' });
    const open = within(figure).getByRole('button', { name: 'Export Tier hit ratio chart…' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    expect(within(figure).queryByRole('button', { name: /as SVG/ })).toBeNull();
    await fireEvent.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    expect(within(figure).getByRole('button', { name: 'Export Tier hit ratio chart as SVG' })).toBeTruthy();
    expect(within(figure).getByRole('button', { name: 'Export Tier hit ratio chart as PNG' })).toBeTruthy();
    await fireEvent.keyDown(open, { key: 'Escape' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes the menu on a press outside it, and keeps it open on a press inside', async () => {
    render(Charts, { series: seriesFixture(), bucketMs: 1000, run });
    const open = screen.getByRole('button', { name: 'Export Latency chart…' });
    await fireEvent.click(open);
    await fireEvent.pointerDown(screen.getByRole('button', { name: 'Export Latency chart as PNG' }));
    expect(open.getAttribute('aria-expanded')).toBe('true');
    await fireEvent.pointerDown(document.body);
    expect(open.getAttribute('aria-expanded')).toBe('false');
  });

  it('offers no export without a run (presenter view)', () => {
    render(Charts, { series: seriesFixture(), bucketMs: 1000 });
    expect(screen.queryAllByRole('button', { name: /^Export / })).toHaveLength(0);
  });
});
