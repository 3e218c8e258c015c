import type { HostMode } from './hostMode';

/** About one display frame; fast-forward and seek yield for as little as the browser allows. */
const frameMs = 16;

/**
 * The worker's frame timer: the returned function, called after each message, keeps the host
 * ticking while it runs and stops when it does not.
 */
export function tickTimer(host: {
  readonly running: boolean;
  readonly mode: HostMode;
  tick(): void;
}): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = (): void => {
    if (timer !== null || !host.running) return;
    timer = setTimeout(
      () => {
        timer = null;
        host.tick();
        schedule();
      },
      host.mode === 'fastForward' || host.mode === 'seeking' ? 0 : frameMs,
    );
  };
  return schedule;
}
