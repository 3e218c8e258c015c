/**
 * Deterministic number formatting for the CSV files (the screen's is readableNumbers.ts): fixed decimals (ratios 6, milliseconds and
 * rates per second 3, counts none), never exponent notation, never `-0`. `toFixed` is specified
 * digit for digit by ECMAScript, so Node and every browser print the same bytes. A number that is
 * not finite (a bug upstream) prints as an empty field rather than `NaN` or `Infinity`.
 */
function fixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  // toFixed switches to exponent notation from 1e21 on; no simulated figure comes near it.
  const text = value.toFixed(decimals);
  // A tiny negative value rounds to "-0.000": print it as zero.
  return text.charCodeAt(0) === 45 && Number(text) === 0 ? text.slice(1) : text;
}

/** A time or duration in milliseconds, to the microsecond: `12.500`. */
export function csvMs(ms: number): string {
  return fixed(ms, 3);
}

/** A share in [0, 1] (hit ratio), to six decimals: `0.912345`. */
export function csvRatio(ratio: number): string {
  return fixed(ratio, 6);
}

/** A rate per second (a bucket's count over the seconds it covered), to three decimals: `412.500`. */
export function csvRate(perSecond: number): string {
  return fixed(perSecond, 3);
}

/** A count, id or version: an integer with no decimals. */
export function csvCount(count: number): string {
  return fixed(count, 0);
}
