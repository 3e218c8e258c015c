/**
 * Numbers for a person to read, on screen and in messages: rounded, with units, never the same
 * function as the CSV files' fixed decimals (csvNumbers.ts). Each name means one thing everywhere.
 */

// One formatter for every count: toLocaleString builds a new one per call, and counts change every frame.
const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A whole count with thousands separators: 12345.4 → "12,345". */
export function formatCount(n: number): string {
  return counts.format(Math.round(n));
}

/** A share as a percentage to a tenth, or to `digits` decimals: 0.9123 → "91.2%", `{ digits: 0 }` → "91%". */
export function formatPercent(ratio: number, { digits = 1 }: { digits?: number } = {}): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

/**
 * A share on a chart's axis or point, whole but for the decimals a small share needs: "0%", "0.05%",
 * "0.8%", "4.5%", "63%" (stale reads at a few hundredths of a percent would read "0.0%" at every tick).
 */
export function formatPercentTick(ratio: number): string {
  const digits = ratio <= 0 ? 0 : ratio < 0.001 ? 2 : ratio < 0.1 ? 1 : 0;
  return formatPercent(ratio, { digits });
}

/**
 * A figure to a tenth below 10 and whole from there, thousands grouped as counts are, for a unit to
 * follow: 4.25 → "4.3", 120.4 → "120", 12000 → "12,000".
 */
export function formatFigure(v: number): string {
  return v < 10 ? v.toFixed(1) : formatCount(v);
}

/** A plain number with at most `digits` decimals and no trailing zeros: 2.50 → "2.5"; not finite → "–". */
export function formatDecimal(v: number, digits = 1): string {
  if (!Number.isFinite(v)) return '–';
  return trim(v.toFixed(digits));
}

/** A duration at the scale it has: "0.42 ms", "12 ms", "3.2 s", "2 min 5 s"; not finite → "–". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const a = Math.abs(ms);
  if (a < 10) return `${trim(ms.toFixed(2))} ms`;
  if (a < 1000) return `${Math.round(ms)} ms`;
  if (a < 60_000) return `${trim((ms / 1000).toFixed(a < 10_000 ? 2 : 1))} s`;
  const min = Math.floor(ms / 60_000);
  return `${min} min ${Math.round((ms - min * 60_000) / 1000)} s`;
}

/** Simulated time as the event log shows it: seconds with milliseconds, "12.345 s". */
export function formatClock(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

/** A moment or duration in seconds, exact to the millisecond: "35.9 s", "60 s", "0.25 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** A duration in seconds rounded to a tenth, for a sentence: "12 s", "2.5 s", 2240 → "2.2 s". */
export function formatSecondsToTenth(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Bytes: "980 B", "1.5 kB", "12 MB" (powers of 1000, as HTTP sizes are read). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = bytes / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${trim(v.toFixed(v < 10 ? 1 : 0))} ${units[i]}`;
}

function trim(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * A difference with its sign, the magnitude as `format` writes it: +12, −3.4 ms, ±0. The minus is
 * U+2212, as in print, so that it reads as a sign and not a dash. A difference too small to show
 * (−0.01 ms written to a tenth) is ±, as zero is: "−0.0 ms" beside "±0.0 ms" would say they differ.
 */
export function formatDifference(v: number, format: (magnitude: number) => string): string {
  const magnitude = format(Math.abs(v));
  const sign = magnitude === format(0) ? '±' : v > 0 ? '+' : '\u2212';
  return sign + magnitude;
}

/** A difference of two shares in percentage points, to a tenth: 0.0123 → "+1.2 pts". */
export function formatPointsDifference(ratioDifference: number): string {
  return formatDifference(ratioDifference, (m) => `${(m * 100).toFixed(1)} pts`);
}
