// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import PlaybackBar from '../../../src/ui/layout/PlaybackBar.svelte';
import { formatSimTime, sliderFromSpeed, speedFromSlider } from '../../../src/ui/layout/speedScale';

const props = (state: 'idle' | 'paused' | 'playing' | 'finished') => ({
  state,
  speed: 1,
  speedReached: null as number | null,
  fastForward: false,
  nowMs: 12_345,
  durationMs: 60_000,
  ontoggle: vi.fn(),
  onstepevent: vi.fn(),
  onsteprequest: vi.fn(),
  onrunend: vi.fn(),
  onreset: vi.fn(),
  onspeed: vi.fn(),
});

describe('playback bar', () => {
  it('maps the speed slider on a log scale from 0.1x to 1000x', () => {
    expect(speedFromSlider(0)).toBe(0.1);
    expect(speedFromSlider(sliderFromSpeed(1))).toBe(1);
    expect(speedFromSlider(4)).toBe(1000);
    expect(speedFromSlider(2.5)).toBe(32);
  });

  it('reports the speed the slider is moved to, and names it for screen readers', async () => {
    const p = props('paused');
    render(PlaybackBar, p);
    const slider = screen.getByLabelText('Speed');
    expect(slider.getAttribute('aria-valuetext')).toBe('1x');
    await fireEvent.input(slider, { target: { value: '3' } });
    expect(p.onspeed).toHaveBeenCalledWith(100);
  });

  it('jumps about threefold with Page Up and Page Down, within 0.1x to 1000x', async () => {
    const p = props('paused');
    render(PlaybackBar, p);
    const slider = screen.getByLabelText('Speed');
    await fireEvent.keyDown(slider, { key: 'PageUp' });
    expect(p.onspeed).toHaveBeenLastCalledWith(3.2);
    await fireEvent.keyDown(slider, { key: 'PageDown' });
    expect(p.onspeed).toHaveBeenLastCalledWith(0.32);
  });

  it('keeps Page Up at the top of the scale', async () => {
    const p = { ...props('paused'), speed: 1000 };
    render(PlaybackBar, p);
    await fireEvent.keyDown(screen.getByLabelText('Speed'), { key: 'PageUp' });
    expect(p.onspeed).toHaveBeenLastCalledWith(1000);
  });

  it('says the speed reached when playing falls short of the speed asked, and only then', () => {
    const short = render(PlaybackBar, { ...props('playing'), speed: 1000, speedReached: 612.4 });
    expect(screen.getByTestId('speed-readout').textContent?.trim()).toBe('asked 1000x, reaching 612x');
    short.unmount();
    const close = render(PlaybackBar, { ...props('playing'), speed: 1000, speedReached: 950 });
    expect(screen.getByTestId('speed-readout').textContent?.trim()).toBe('1000x');
    close.unmount();
    render(PlaybackBar, { ...props('paused'), speed: 1000, speedReached: 100 });
    expect(screen.getByTestId('speed-readout').textContent?.trim()).toBe('1000x');
  });

  it('shows the simulated time and offers Pause while playing', async () => {
    const p = props('playing');
    render(PlaybackBar, p);
    expect(screen.getByTestId('sim-time').textContent).toContain('0:12.345 / 1:00.000');
    await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Step request' }));
    expect(p.ontoggle).toHaveBeenCalledOnce();
    expect(p.onsteprequest).toHaveBeenCalledOnce();
  });

  it('disables play and steps once the run is finished, but not reset', () => {
    render(PlaybackBar, props('finished'));
    expect((screen.getByRole('button', { name: 'Play' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Step event' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Reset' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('formats long runs as hours', () => {
    expect(formatSimTime(3_725_000)).toBe('1:02:05');
  });

  it('carries a time just short of a minute into the minute, never showing 60 seconds', () => {
    expect(formatSimTime(59_999.7)).toBe('1:00.000');
    expect(formatSimTime(59_999.4)).toBe('0:59.999');
    expect(formatSimTime(12_345.6)).toBe('0:12.346');
  });
});
