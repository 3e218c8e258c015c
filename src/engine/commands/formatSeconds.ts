/** Simulated milliseconds as seconds for messages: "35.9 s", "60 s", "0.25 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
