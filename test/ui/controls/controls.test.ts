// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Command } from '../../../src/engine/scenario/commandSchema';
import { parseScenario } from '../../../src/engine/scenario/parseScenario';
import type { Scenario } from '../../../src/engine/scenario/schema';
import FaultControls from '../../../src/ui/controls/FaultControls.svelte';
import PolicyControls from '../../../src/ui/controls/PolicyControls.svelte';
import PurgeControls from '../../../src/ui/controls/PurgeControls.svelte';
import TierControls from '../../../src/ui/controls/TierControls.svelte';
import WorkloadControls from '../../../src/ui/controls/WorkloadControls.svelte';

const settings = parseScenario({ version: 1, workload: { keySpaces: [{ name: 'product', count: 500 }] } });

/** Types into a field and commits it, as Enter or leaving the field does. */
async function commit(label: string | RegExp, value: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  await fireEvent.input(input, { target: { value } });
  await fireEvent.change(input, { target: { value } });
  return input;
}

describe('tier controls', () => {
  const setup = () => {
    const onapply = vi.fn<(c: Command) => void>();
    render(TierControls, {
      tier: 'distributed',
      label: 'Distributed cache',
      config: settings.topology.distributed,
      onapply,
    });
    return onapply;
  };

  it('switch a tier off', async () => {
    const onapply = setup();
    await fireEvent.click(screen.getByLabelText('Distributed cache'));
    expect(onapply).toHaveBeenCalledWith({
      type: 'tier.configure',
      tier: 'distributed',
      changes: { enabled: false },
    });
  });

  it('set the TTL in seconds, and blank means never expire', async () => {
    const onapply = setup();
    await commit('TTL (s)', '0');
    expect(onapply).toHaveBeenLastCalledWith({
      type: 'tier.configure',
      tier: 'distributed',
      changes: { ttl: { seconds: 0 } },
    });
    await commit('TTL (s)', '');
    expect(onapply).toHaveBeenLastCalledWith({
      type: 'tier.configure',
      tier: 'distributed',
      changes: { ttl: { seconds: null } },
    });
  });

  it('explain a negative TTL beside the field, keep the typed text and send nothing', async () => {
    const onapply = setup();
    const input = await commit('TTL (s)', '-5');
    expect(screen.getByRole('alert').textContent).toMatch(/TTL must be at least 0/);
    expect(input.value).toBe('-5');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(onapply).not.toHaveBeenCalled();
  });

  it('take text the number field cannot read as a mistake, not as a blank "never"', async () => {
    const onapply = setup();
    const input = screen.getByLabelText('TTL (s)') as HTMLInputElement;
    // What Chromium does with "1e": the value reads as '' and validity says the input is bad.
    Object.defineProperty(input, 'validity', { value: { badInput: true } });
    await fireEvent.change(input, { target: { value: '' } });
    expect(screen.getByRole('alert').textContent).toMatch(/TTL needs a number/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(onapply).not.toHaveBeenCalled();
  });

  it('choose an eviction policy and a capacity', async () => {
    const onapply = setup();
    await fireEvent.change(screen.getByLabelText('Eviction'), { target: { value: 'sieve' } });
    await commit('Capacity (entries)', '250');
    expect(onapply.mock.calls.map((c) => c[0])).toEqual([
      { type: 'tier.configure', tier: 'distributed', changes: { eviction: 'sieve' } },
      { type: 'tier.configure', tier: 'distributed', changes: { capacity: 250 } },
    ]);
  });

  it('set the distributed cache’s replication, up to one copy per node', async () => {
    const onapply = vi.fn<(c: Command) => void>();
    render(TierControls, {
      tier: 'distributed',
      label: 'Distributed cache',
      config: settings.topology.distributed,
      replication: { copies: 1, nodes: 3 },
      onapply,
    });
    await commit('Replication (copies)', '2');
    expect(onapply).toHaveBeenCalledWith({
      type: 'tier.configure',
      tier: 'distributed',
      changes: { replication: 2 },
    });
    onapply.mockClear();
    await commit('Replication (copies)', '4');
    expect(onapply).not.toHaveBeenCalled();
  });

  it('refuse a capacity that is not a whole number', async () => {
    const onapply = setup();
    await commit('Capacity (entries)', '2.5');
    expect(screen.getByRole('alert').textContent).toMatch(/whole number/);
    expect(onapply).not.toHaveBeenCalled();
  });
});

describe('policy controls', () => {
  it('set the write policy and a delayed invalidation bus', async () => {
    const onapply = vi.fn<(c: Command) => void>();
    render(PolicyControls, { settings, onapply });
    await fireEvent.change(screen.getByLabelText('Write policy'), { target: { value: 'write-around' } });
    await fireEvent.click(screen.getByLabelText('Invalidation bus'));
    await commit('Invalidation delay (ms)', '5000');
    expect(onapply.mock.calls.map((c) => c[0])).toEqual([
      { type: 'policies.set', changes: { write: 'write-around' } },
      { type: 'bus.configure', changes: { enabled: true } },
      { type: 'bus.configure', changes: { delayMs: 5000 } },
    ]);
  });

  it('apply a choice browsed to with the keys on the closed list only once it is committed', async () => {
    const onapply = vi.fn<(c: Command) => void>();
    render(PolicyControls, { settings, onapply });
    const select = screen.getByLabelText('Write policy') as HTMLSelectElement;
    // Chromium changes a closed select's value, and fires change, on each ArrowDown.
    for (const value of ['write-around', 'update-on-write']) {
      await fireEvent.keyDown(select, { key: 'ArrowDown' });
      await fireEvent.change(select, { target: { value } });
      await fireEvent.keyUp(select, { key: 'ArrowDown' });
    }
    expect(onapply).not.toHaveBeenCalled();
    await fireEvent.keyDown(select, { key: 'Enter' });
    expect(onapply.mock.calls.map((c) => c[0])).toEqual([
      { type: 'policies.set', changes: { write: 'update-on-write' } },
    ]);
    // Browsed to and left: committed on leaving the field. Escape goes back instead.
    await fireEvent.keyDown(select, { key: 'ArrowDown' });
    await fireEvent.change(select, { target: { value: 'write-through' } });
    await fireEvent.keyUp(select, { key: 'ArrowDown' });
    await fireEvent.blur(select);
    expect(onapply).toHaveBeenLastCalledWith({ type: 'policies.set', changes: { write: 'write-through' } });
    await fireEvent.keyDown(select, { key: 'ArrowDown' });
    await fireEvent.change(select, { target: { value: 'write-back' } });
    await fireEvent.keyDown(select, { key: 'Escape' });
    await fireEvent.blur(select);
    expect(onapply).toHaveBeenCalledTimes(2);
    // Space opens the list; what is chosen there (its keys never reach the page) applies at once.
    await fireEvent.keyDown(select, { key: ' ' });
    await fireEvent.change(select, { target: { value: 'write-back' } });
    expect(onapply).toHaveBeenLastCalledWith({ type: 'policies.set', changes: { write: 'write-back' } });
  });

  it('turn the user out of the cache key, as lessons 9 and 14 ask, and back in', async () => {
    const onapply = vi.fn<(c: Command) => void>();
    render(PolicyControls, { settings, onapply });
    const box = screen.getByLabelText('Cache key includes user') as HTMLInputElement;
    expect(box.checked).toBe(true);
    await fireEvent.click(box);
    expect(onapply).toHaveBeenLastCalledWith({
      type: 'policies.set',
      changes: { cacheKeyIncludesUser: false },
    });
  });
});

describe('workload controls', () => {
  it('change the rate live and restart the run for a new number of clients', async () => {
    const onapply = vi.fn<(c: Command) => void>();
    const onrestart = vi.fn<(change: (s: Scenario) => void) => void>();
    render(WorkloadControls, { settings, onapply, onrestart });
    await commit('Request rate (req/s)', '800');
    expect(onapply).toHaveBeenCalledWith({ type: 'workload.set', changes: { ratePerSecond: 800 } });
    await commit('Keys (product)', '50');
    expect(onapply).toHaveBeenLastCalledWith({
      type: 'keySpace.set',
      name: 'product',
      changes: { count: 50 },
    });
    await commit('Clients', '25');
    const draft = structuredClone(settings);
    onrestart.mock.calls[0][0](draft);
    expect(draft.workload.clients).toBe(25);
    expect(screen.getByText(/restarts the run/)).toBeTruthy();
  });

  it('choose a key space and set its Cache-Control, as lessons 8 and 14 ask', async () => {
    const twoSpaces = parseScenario({
      version: 1,
      workload: {
        keySpaces: [
          { name: 'catalogue', count: 100, http: 'public' },
          { name: 'payment-token', count: 1, perUser: true, http: 'public', sensitive: true },
        ],
      },
    });
    const onapply = vi.fn<(c: Command) => void>();
    render(WorkloadControls, { settings: twoSpaces, onapply, onrestart: vi.fn() });
    expect((screen.getByLabelText('Cache-Control (catalogue)') as HTMLSelectElement).value).toBe('public');
    await fireEvent.change(screen.getByLabelText('Key space'), { target: { value: 'payment-token' } });
    const header = screen.getByLabelText('Cache-Control (payment-token)') as HTMLSelectElement;
    expect(screen.getByLabelText('Keys (payment-token)')).toBeTruthy();
    await fireEvent.change(header, { target: { value: 'no-store' } });
    expect(onapply).toHaveBeenLastCalledWith({
      type: 'keySpace.set',
      name: 'payment-token',
      changes: { http: 'no-store' },
    });
  });

  it('refuse a rate of 0', async () => {
    const onapply = vi.fn<(c: Command) => void>();
    render(WorkloadControls, { settings, onapply, onrestart: vi.fn() });
    await commit('Request rate (req/s)', '0');
    expect(screen.getByRole('alert').textContent).toMatch(/more than 0/);
    expect(onapply).not.toHaveBeenCalled();
  });
});

describe('fault controls', () => {
  it('fail and recover the chosen cache node, slow the database, spike traffic', async () => {
    const onapply = vi.fn<(c: Command) => void>();
    render(FaultControls, { settings, onapply });
    await fireEvent.change(screen.getByLabelText('Cache node'), { target: { value: '2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Fail node 3' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Recover node 3' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Slow database' }));
    await commit('Spike duration (s)', '4');
    await fireEvent.click(screen.getByRole('button', { name: 'Traffic spike' }));
    expect(onapply.mock.calls.map((c) => c[0])).toEqual([
      { type: 'node.fail', node: 2 },
      { type: 'node.recover', node: 2 },
      { type: 'database.slow', factor: 10 },
      { type: 'traffic.spike', multiplier: 5, durationMs: 4000 },
    ]);
  });
});

describe('purge controls', () => {
  it('ask for a key instead of purging nothing', async () => {
    const onapply = vi.fn<(c: Command) => void>();
    render(PurgeControls, { onapply });
    await fireEvent.click(screen.getByRole('button', { name: 'Purge' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Type the key/);
    expect(onapply).not.toHaveBeenCalled();
  });

  it('purge one key from one tier, or everything everywhere', async () => {
    const onapply = vi.fn<(c: Command) => void>();
    render(PurgeControls, { onapply });
    await fireEvent.change(screen.getByLabelText('Purge from'), { target: { value: 'cdn' } });
    await fireEvent.input(screen.getByLabelText('Key'), { target: { value: ' product:7 ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Purge' }));
    await fireEvent.change(screen.getByLabelText('Purge from'), { target: { value: 'all' } });
    await fireEvent.click(screen.getByLabelText('Everything'));
    await fireEvent.click(screen.getByRole('button', { name: 'Purge' }));
    expect(onapply.mock.calls.map((c) => c[0])).toEqual([
      { type: 'purge', tier: 'cdn', match: { kind: 'key', key: 'product:7' } },
      { type: 'purge', tier: 'all', match: { kind: 'all' } },
    ]);
  });
});
