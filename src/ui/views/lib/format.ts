/** Milliseconds for a person: "0.42 ms", "12 ms", "3.2 s", "2 min 5 s". */
export function formatMs(ms: number): string {
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

/** Bytes for a person: "980 B", "1.5 kB", "12 MB" (powers of 1000, as HTTP sizes are read). */
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

/** A plain number with at most `digits` decimals and no trailing zeros. */
export function formatNumber(v: number, digits = 1): string {
  if (!Number.isFinite(v)) return '–';
  return trim(v.toFixed(digits));
}

function trim(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
