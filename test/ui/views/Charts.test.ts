// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Charts from '../../../src/ui/views/Charts.svelte';
import { seriesFixture } from './fixtures';

const chart = (name: RegExp) => screen.getByRole('figure', { name });

describe('Charts', () => {
  it('gives each chart an accessible name with its unit', () => {
    render(Charts, { series: seriesFixture(), bucketMs: 1000 });
    for (const name of [
      'Hit ratio per tier (%)',
      'Latency (ms)',
      'Database queries (queries/s)',
      'Database peak queue (requests)',
      'Stale reads (reads/s)',
      'Evictions per tier (evictions/s)',
    ]) {
      expect(screen.getByRole('figure', { name })).toBeTruthy();
    }
  });

  it('reads out the latest values with units', () => {
    render(Charts, { series: seriesFixture(), bucketMs: 1000 });
    const readout = (name: RegExp) => within(chart(name)).getByTestId('readout').textContent;
    expect(readout(/Hit ratio/)).toBe('at 2 s: distributed 90 %');
    expect(readout(/Latency/)).toBe('at 2 s: p50 4, p95 22, p99 100 ms');
    expect(readout(/Database queries/)).toBe('at 2 s: queries 10/s');
    expect(readout(/Stale reads/)).toBe('at 2 s: stale reads 3/s');
  });

  it('turns counts per bucket into rates per second', () => {
    render(Charts, { series: seriesFixture(), bucketMs: 500 });
    expect(within(chart(/Stale reads/)).getByTestId('readout').textContent).toBe('at 2 s: stale reads 6/s');
  });

  it('measures the rate of the bucket in progress over the time it has run, not the whole bucket', () => {
    // Paused half way through the bucket at 2 s: its 10 queries took half a second.
    render(Charts, { series: seriesFixture(), bucketMs: 1000, nowMs: 2500 });
    expect(within(chart(/Database queries/)).getByTestId('readout').textContent).toBe('at 2 s: queries 20/s');
    expect(within(chart(/Stale reads/)).getByTestId('readout').textContent).toBe('at 2 s: stale reads 6/s');
  });

  it('leaves out the rate of a bucket in progress that has barely begun, and reads the one before', () => {
    render(Charts, { series: seriesFixture(), bucketMs: 1000, nowMs: 2010 });
    expect(within(chart(/Database queries/)).getByTestId('readout').textContent).toBe('at 1 s: queries 25/s');
    // Ratios need no length of time: the hit ratio still reads the bucket in progress.
    expect(within(chart(/Hit ratio/)).getByTestId('readout').textContent).toBe('at 2 s: distributed 90 %');
  });

  it('lets the keyboard step back through time and read each point', async () => {
    render(Charts, { series: seriesFixture(), bucketMs: 1000 });
    const slider = within(chart(/Hit ratio/)).getByRole('slider');
    await fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(slider.getAttribute('aria-valuetext')).toBe('at 1 s: distributed 75 %');
    await fireEvent.keyDown(slider, { key: 'Home' });
    expect(slider.getAttribute('aria-valuetext')).toBe('at 0 s: distributed 50 %');
    expect(within(chart(/Hit ratio/)).getByTestId('readout').textContent).toBe('at 0 s: distributed 50 %');
  });

  it('draws a line per tier and per percentile', () => {
    render(Charts, { series: seriesFixture(), bucketMs: 1000 });
    const paths = (name: RegExp) => chart(name).querySelectorAll('svg[role="slider"] > path');
    expect(paths(/Hit ratio/)).toHaveLength(1);
    expect(paths(/Latency/)).toHaveLength(3);
    for (const p of paths(/Latency/)) expect(p.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
  });

  it('reads the latest bucket that has a value when the bucket in progress has none', () => {
    const series = seriesFixture();
    series.push({ ...series[series.length - 2], startMs: 3000, lookups: 0, hits: 0, hitRatio: 0 });
    render(Charts, { series, bucketMs: 1000 });
    expect(within(chart(/Hit ratio/)).getByTestId('readout').textContent).toBe('at 2 s: distributed 90 %');
  });

  it('says when there is no data yet', () => {
    render(Charts, { series: [], bucketMs: 1000 });
    expect(within(chart(/Latency/)).getByTestId('readout').textContent).toBe('no data yet');
  });
});
