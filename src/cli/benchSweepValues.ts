/**
 * The benchmark sweep, shared by `bench:sweep` (worker threads) and `bench:ui` (the app's
 * Sweep dialog): the flash-sale preset's distributed-cache capacity over 12 values.
 */
export const benchSweepPreset = 'flash-sale';
export const benchSweepPath = 'tiers.distributed.capacity';
export const benchSweepValues: readonly string[] = [
  '50',
  '100',
  '200',
  '400',
  '800',
  '1600',
  '3200',
  '6400',
  '12800',
  '25600',
  '51200',
  '102400',
];
