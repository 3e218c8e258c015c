// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import EventLog from '../../../src/ui/views/EventLog.svelte';
import { eventsFixture } from './fixtures';

const lines = () =>
  within(screen.getByRole('list', { name: 'Events, newest first' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

describe('EventLog', () => {
  it('lists events newest first with their time and a description', () => {
    render(EventLog, { props: { events: eventsFixture(), onselectrequest: () => {} } });
    const all = lines();
    expect(all).toHaveLength(eventsFixture().length);
    expect(all[0]).toBe('0.300 s cache:1 went DOWN');
    expect(all[all.length - 1]).toBe('0.100 s client 0 reads item:7');
  });

  it('narrows the list by kind', async () => {
    render(EventLog, { props: { events: eventsFixture(), onselectrequest: () => {} } });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), {
      target: { value: 'cache.miss' },
    });
    expect(lines()).toEqual([
      // The legend's words and the tier-label table's names.
      '0.127 s expired miss at cache:0 (Distributed cache): item:7',
      '0.120 s cold miss at cdn (CDN): item:7',
    ]);
    expect(screen.getByText(`2 of ${eventsFixture().length} events match`)).toBeTruthy();
  });

  it('narrows the list by tier', async () => {
    render(EventLog, { props: { events: eventsFixture(), onselectrequest: () => {} } });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Tier' }), { target: { value: 'local' } });
    expect(lines()).toEqual([
      '0.240 s hit at app:1 (App-local cache): item:3 v3, STALE',
      '0.230 s bus: drop item:3 → app:1, arrives in 50 ms',
    ]);
  });

  it('narrows the list by key', async () => {
    render(EventLog, { props: { events: eventsFixture(), onselectrequest: () => {} } });
    await fireEvent.input(screen.getByRole('searchbox', { name: 'Key' }), { target: { value: 'ITEM:5' } });
    expect(lines()).toEqual(['0.300 s LOST write: item:5 v2 died with cache:1']);
  });

  it("selecting an event asks for its request's path", async () => {
    const onselectrequest = vi.fn();
    render(EventLog, { props: { events: eventsFixture(), onselectrequest, selectedReq: 3 } });
    await fireEvent.click(screen.getByRole('button', { name: /STALE read by client 2/ }));
    expect(onselectrequest).toHaveBeenCalledWith(3);
    expect(screen.getByRole('button', { name: /STALE read by client 2/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('offers no selection for events that belong to no request', () => {
    render(EventLog, { props: { events: eventsFixture(), onselectrequest: () => {} } });
    expect(screen.queryByRole('button', { name: /went DOWN/ })).toBeNull();
  });

  it('is one tab stop: the first row that can be chosen, then the row last focused', async () => {
    render(EventLog, { props: { events: eventsFixture(), onselectrequest: () => {} } });
    const rows = within(screen.getByRole('list', { name: 'Events, newest first' })).getAllByRole('button');
    expect(rows.filter((b) => b.tabIndex === 0)).toEqual([rows[0]]);
    rows[0].focus();
    await fireEvent.keyDown(rows[0], { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    expect(rows.filter((b) => b.tabIndex === 0)).toEqual([rows[1]]);
  });

  it('moves between rows with the arrows, Home and End, and stops at the ends', async () => {
    render(EventLog, { props: { events: eventsFixture(), onselectrequest: () => {} } });
    const rows = within(screen.getByRole('list', { name: 'Events, newest first' })).getAllByRole('button');
    rows[0].focus();
    await fireEvent.keyDown(rows[0], { key: 'ArrowUp' });
    expect(document.activeElement).toBe(rows[0]);
    await fireEvent.keyDown(rows[0], { key: 'End' });
    expect(document.activeElement).toBe(rows.at(-1));
    await fireEvent.keyDown(rows.at(-1)!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows.at(-1));
    await fireEvent.keyDown(rows.at(-1)!, { key: 'Home' });
    expect(document.activeElement).toBe(rows[0]);
  });

  it('draws at most maxRows rows and says so', () => {
    render(EventLog, { props: { events: eventsFixture(), onselectrequest: () => {}, maxRows: 5 } });
    expect(lines()).toHaveLength(5);
    expect(screen.getByText(`${eventsFixture().length} events, newest 5 shown`)).toBeTruthy();
  });
});
