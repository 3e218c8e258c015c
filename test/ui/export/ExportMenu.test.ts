// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import EventLog from '../../../src/ui/views/EventLog.svelte';
import ExportMenu from '../../../src/ui/export/ExportMenu.svelte';
import NoticeBanner from '../../../src/ui/layout/NoticeBanner.svelte';
import type { EventsEstimate, ExportedFile } from '../../../src/worker/protocol';
import { eventsFixture } from '../views/fixtures';

const run = { preset: 'flash-sale', scenarioName: 'Flash sale', seed: 11 };
/** Nine million events over a minute: more than a spreadsheet holds. */
const large: EventsEstimate = {
  atMs: 60_000,
  bucketMs: 1000,
  counts: Array.from({ length: 60 }, () => 150_000),
  bytesPerRow: 68,
};

function setup(estimate: EventsEstimate) {
  const onexport = vi.fn<(file: string) => Promise<ExportedFile>>(() => new Promise(() => {}));
  render(ExportMenu, {
    props: {
      run,
      exporting: null,
      onexport,
      onestimate: async () => estimate,
      onimport: () => {},
      sharehash: () => '#run=x',
      notice: null,
    },
  });
  return { onexport };
}

describe('ExportMenu', () => {
  it('closes on Esc, giving the focus back to Export, and on a press outside it, not inside', async () => {
    setup(large);
    const menu = document.querySelector('details.export') as HTMLDetailsElement;
    const summary = menu.querySelector('summary')!;
    menu.open = true;
    screen.getByRole('button', { name: 'Events CSV' }).focus();
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(menu.open).toBe(false);
    expect(document.activeElement).toBe(summary);
    menu.open = true;
    await fireEvent.pointerDown(screen.getByRole('button', { name: 'Events CSV' }));
    expect(menu.open).toBe(true);
    await fireEvent.pointerDown(document.body);
    expect(menu.open).toBe(false);
  });

  it('says how large a long event log is and offers the latest window a spreadsheet holds', async () => {
    const { onexport } = setup(large);
    await fireEvent.click(screen.getByRole('button', { name: 'Events CSV' }));
    const group = await screen.findByRole('group', { name: 'Events CSV by time window' });
    expect(group.textContent).toContain('holds about 9,000,000 rows (about 612 MB)');
    expect(group.textContent).toContain('A spreadsheet opens at most 1,048,576 rows');
    expect(onexport).not.toHaveBeenCalled();
    const from = screen.getByLabelText('From (s)') as HTMLInputElement;
    expect(Number(from.value)).toBeCloseTo(53.01, 1);
    await fireEvent.input(from, { target: { value: '70' } });
    expect(screen.getByRole('alert').textContent).toContain('Give times from 0 to 60 s');
    expect(
      (screen.getByRole('button', { name: 'Export events in this window' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await fireEvent.input(from, { target: { value: '59' } });
    expect(group.textContent).toContain('This window: about 150,000 rows');
    await fireEvent.click(screen.getByRole('button', { name: 'Export events in this window' }));
    expect(onexport).toHaveBeenCalledWith('events', { fromMs: 59_000, toMs: 60_000 });
  });

  it('makes a short event log at once', async () => {
    const { onexport } = setup({ ...large, counts: [10, 20] });
    await fireEvent.click(screen.getByRole('button', { name: 'Events CSV' }));
    await vi.waitFor(() => expect(onexport).toHaveBeenCalledWith('events', undefined));
    expect(screen.queryByRole('group', { name: 'Events CSV by time window' })).toBeNull();
  });
});

describe('EventLog', () => {
  it('says how many events it kept of the run, and from when', () => {
    render(EventLog, { props: { events: eventsFixture(), onselectrequest: () => {}, total: 12_345 } });
    expect(screen.getByTestId('events-kept').textContent).toMatch(
      new RegExp(`Kept the newest ${eventsFixture().length} of 12,345 events, from 0\\.100 s`),
    );
  });
});

describe('NoticeBanner', () => {
  it('says what became of the run when it was not kept, and that it was kept otherwise', () => {
    const { unmount } = render(NoticeBanner, {
      props: {
        notice: {
          kind: 'error',
          message: 'Damaged',
          problems: [],
          outcome: 'The default preset was loaded.',
        },
        ondismiss: () => {},
      },
    });
    expect(screen.getByRole('alert').textContent).toContain('The default preset was loaded.');
    expect(screen.getByRole('alert').textContent).not.toContain('unchanged');
    unmount();
    render(NoticeBanner, {
      props: { notice: { kind: 'error', message: 'Bad', problems: [] }, ondismiss: () => {} },
    });
    expect(screen.getByRole('alert').textContent).toContain('Your current run is unchanged.');
  });
});
