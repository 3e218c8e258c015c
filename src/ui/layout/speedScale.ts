import { maxSpeed, minSpeed } from '../../machines/playback';

/**
 * The speed slider is linear in log10(speed), so each step of the slider multiplies the speed:
 * position 0 is 0.1x, 1 is 1x, 4 is 1000x.
 */
export const sliderMin = Math.log10(minSpeed) - Math.log10(minSpeed);
export const sliderMax = Math.log10(maxSpeed) - Math.log10(minSpeed);

export const speedFromSlider = (position: number): number => {
  const speed = 10 ** (position + Math.log10(minSpeed));
  // Round to two significant digits so the label reads 2.5x, 40x, 630x.
  return Number(speed.toPrecision(2));
};

export const sliderFromSpeed = (speed: number): number => Math.log10(speed) - Math.log10(minSpeed);

export const formatSpeed = (speed: number): string =>
  `${speed < 1 ? speed.toFixed(1) : Number(speed.toPrecision(3))}x`;

/** Simulated time as m:ss.mmm, or h:mm:ss for long runs. */
export function formatSimTime(ms: number): string {
  // Whole milliseconds first, so that 59,999.7 ms reads 1:00.000, never 0:60.000.
  const total = Math.round(Math.max(0, ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = (total % 60_000) / 1000;
  if (hours > 0)
    return `${hours}:${String(minutes).padStart(2, '0')}:${String(Math.floor(seconds)).padStart(2, '0')}`;
  return `${minutes}:${seconds.toFixed(3).padStart(6, '0')}`;
}
