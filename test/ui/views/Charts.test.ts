// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Charts from '../../../src/ui/views/Charts.svelte';
import { seriesFixture } from './fixtures';

const chart = (name: RegExp) => screen.getByRole('figure', { name });
const readout = (name: RegExp) => within(chart(name)).getByTestId('readout').textContent;
const allReadouts = () => screen.getAllByTestId('readout').map((r) => r.textContent ?? '');

describe('Charts', () => {
  it('gives each chart an accessible name with its unit, and a description', () => {
    render(Charts, { series: seriesFixture(), bucketMs: 1000 });
    for (const name of [
      'Tier hit ratio (%)',
      'Latency (ms)',
      'Database queries (queries/s)',
      'Database peak queue (requests)',
      'Stale reads (reads/s)',
      'Staleness of stale reads (s)',
      'Evictions per tier (evictions/s)',
      'Misses by cause: Distributed cache (misses/s)',
    ]) {
      expect(screen.getByRole('figure', { name })).toBeTruthy();
    }
    expect(chart(/Tier hit ratio/).getAttribute('aria-describedby')).toBeTruthy();
    expect(
      screen.getByRole('figure', { name: /Tier hit ratio/, description: /hits ÷ its lookups/ }),
    ).toBeTruthy();
  });

  it('draws only the charts asked for, in the order asked, skipping one the run has not got', () => {
    render(Charts, {
      series: seriesFixture(),
      bucketMs: 1000,
      only: ['db-queries', 'misses-cdn', 'hit-ratio'],
      chartWidth: 300,
    });
    expect(screen.getAllByRole('figure').map((f) => f.getAttribute('data-chart'))).toEqual([
      'db-queries',
      'hit-ratio',
    ]);
    expect(
      chart(/Tier hit ratio/)
        .querySelector('svg')
        ?.getAttribute('viewBox'),
    ).toBe('0 0 300 100');
  });

  it('reads out the latest whole bucket with units, naming the time it covers', () => {
    render(Charts, { series: seriesFixture(), bucketMs: 1000 });
    expect(readout(/Tier hit ratio/)).toBe('2–3 s: Distributed cache 90 %');
    expect(readout(/Latency/)).toBe('2–3 s: p50 4, p95 22, p99 100 ms');
    expect(readout(/Database queries/)).toBe('2–3 s: queries 10/s');
    expect(readout(/Stale reads \(/)).toBe('2–3 s: stale reads 3/s');
  });

  it('leaves out the bucket in progress, and every chart names the same time', () => {
    // Paused half way through the bucket at 2 s: it is not whole, so no chart draws it.
    render(Charts, { series: seriesFixture(), bucketMs: 1000, nowMs: 2500 });
    expect(readout(/Database queries/)).toBe('1–2 s: queries 25/s');
    expect(readout(/Tier hit ratio/)).toBe('1–2 s: Distributed cache 75 %');
    expect(new Set(allReadouts().map((r) => r.split(':')[0]))).toEqual(new Set(['1–2 s']));
    const hitRatio = chart(/Tier hit ratio/).querySelectorAll('svg[role="slider"] > path');
    expect(hitRatio[0].getAttribute('d')?.match(/[ML]/g)).toHaveLength(2);
  });

  it('draws the last bucket of the run at the run end, its rate over the time it covers', () => {
    render(Charts, { series: seriesFixture(), bucketMs: 1000, nowMs: 2500, endMs: 2500 });
    expect(readout(/Database queries/)).toBe('2–3 s: queries 20/s');
  });

  it('moves one cursor for every chart: stepping back on one chart reads all of them at that time', async () => {
    render(Charts, { series: seriesFixture(), bucketMs: 1000 });
    const slider = within(chart(/Tier hit ratio/)).getByRole('slider');
    await fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(slider.getAttribute('aria-valuetext')).toBe('1–2 s: Distributed cache 75 %');
    expect(readout(/Database queries/)).toBe('1–2 s: queries 25/s');
    await fireEvent.keyDown(slider, { key: 'Home' });
    expect(new Set(allReadouts().map((r) => r.split(':')[0]))).toEqual(new Set(['0–1 s']));
    await fireEvent.blur(slider);
    expect(new Set(allReadouts().map((r) => r.split(':')[0]))).toEqual(new Set(['2–3 s']));
  });

  it('draws a line per tier and per percentile, and the misses as stacked bars with totals', () => {
    render(Charts, {
      series: seriesFixture(),
      bucketMs: 1000,
      tiers: [
        {
          tier: 'distributed',
          enabled: true,
          entries: 0,
          lookups: 300,
          hits: 215,
          misses: 85,
          missesByCause: { cold: 70, capacity: 15, expired: 0, invalidated: 0 },
          staleHits: 0,
          fills: 0,
          evictions: 0,
          expirations: 0,
          invalidations: 0,
          hitRatio: 0.7,
        },
      ],
    });
    const paths = (name: RegExp) => chart(name).querySelectorAll('svg[role="slider"] > path');
    expect(paths(/Tier hit ratio/)).toHaveLength(1);
    expect(paths(/Latency/)).toHaveLength(3);
    for (const p of paths(/Latency/)) expect(p.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    const misses = chart(/Misses by cause/);
    expect(misses.querySelectorAll('rect.bar').length).toBeGreaterThan(0);
    expect(within(misses).getByRole('list', { name: /key/ }).textContent).toMatch(
      /cold miss\s70.*capacity miss\s15.*expired miss\s0.*invalidated miss\s0/,
    );
  });

  it('says when there is no data yet', () => {
    render(Charts, { series: [], bucketMs: 1000 });
    expect(readout(/Latency/)).toBe('no data yet');
  });
});

describe('Charts with a bucket that has no value', () => {
  it('says what is missing at the shared time instead of reading another time', () => {
    const series = seriesFixture().map((r) =>
      r.tier === 'all' && r.startMs === 2000 ? { ...r, staleReads: 0 } : r,
    );
    render(Charts, { series, bucketMs: 1000 });
    // No read was stale in the last second: the staleness chart still names the second the others name.
    expect(readout(/Staleness of stale reads/)).toBe('2–3 s: no stale reads');
  });
});
