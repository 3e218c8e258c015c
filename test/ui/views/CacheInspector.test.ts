// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { tierLabel } from '../../../src/engine/tiers/tierRegistry';
import CacheInspector from '../../../src/ui/views/CacheInspector.svelte';
import { cacheFixture, lruFixture } from './fixtures';

const rows = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim()));

describe('CacheInspector', () => {
  it('lists the keys in eviction order, next victim first, with version against the truth, TTL, size and dirty flag', () => {
    render(CacheInspector, {
      caches: [cacheFixture(), lruFixture()],
      selected: 'cache:0',
      onselect: () => {},
    });
    expect(rows()).toEqual([
      ['1', 'item:7', 'v2 STALE (v5)', '12 s', '1 kB', ''],
      ['2', 'item:3', 'v4 fresh', '30 s', '1 kB', 'DIRTY'],
      ['3', 'item:9', 'v1 fresh', 'no TTL', '1 kB', ''],
    ]);
  });

  it('draws TTL left as a bar of the TTL the entry was given', () => {
    const { container } = render(CacheInspector, {
      caches: [cacheFixture()],
      selected: null,
      onselect: () => {},
    });
    const bars = [...container.querySelectorAll<HTMLElement>('td.ttl .bar > span')].map((s) => s.style.width);
    expect(bars).toEqual(['20%', '50%', '100%']);
  });

  it('with every cache tier off, says how to turn one on rather than that the scenario has none', () => {
    render(CacheInspector, { caches: [], selected: null, onselect: () => {} });
    expect(
      screen.getByText('No cache tier is on: turn one on under Cache tiers to see what it holds.'),
    ).toBeTruthy();
  });

  it('shows policy and capacity used of capacity', () => {
    render(CacheInspector, { caches: [cacheFixture()], selected: 'cache:0', onselect: () => {} });
    expect(screen.getByText('lru')).toBeTruthy();
    expect(screen.getByText(/3 entries used of 10 entries/)).toBeTruthy();
    expect(screen.getByText('3 keys, next victim first')).toBeTruthy();
  });

  it('shows the cache picked and reports a new pick', async () => {
    const onselect = vi.fn();
    render(CacheInspector, { caches: [cacheFixture(), lruFixture()], selected: 'app:1', onselect });
    const picker = screen.getByRole('combobox', { name: 'Cache' }) as HTMLSelectElement;
    expect(picker.value).toBe('app:1');
    expect(screen.getByText(/1 kB used of 4 kB/)).toBeTruthy();
    expect(rows()).toEqual([['1', 'feed:u2', 'v1 fresh', '0.5 s', '1 kB', 'user 2']]);
    await fireEvent.change(picker, { target: { value: 'cache:0' } });
    expect(onselect).toHaveBeenCalledWith('cache:0');
  });

  it('groups the caches to pick under their tier names from the tier-label table', () => {
    render(CacheInspector, { caches: [cacheFixture(), lruFixture()], selected: 'app:1', onselect: () => {} });
    const groups = [...document.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).toEqual([...new Set([cacheFixture(), lruFixture()].map((c) => tierLabel(c.tier)))]);
  });

  it('says a down cache lost its contents', () => {
    render(CacheInspector, {
      caches: [{ ...cacheFixture(), state: 'down', entries: [], used: 0, count: 0 }],
      selected: 'cache:0',
      onselect: () => {},
    });
    expect(screen.getByText('Down: its contents are gone.')).toBeTruthy();
  });
});
