/** The generated trace's sizes, as a person may ask for them: what `zipfTrace` draws, and what the dialog checks before asking. */
export interface ZipfTraceSize {
  keys: number;
  alpha: number;
  requests: number;
}

/** What is out of range in a generated trace's sizes, naming the parameter, or null when all are in range. */
export function zipfTraceProblem({ keys, alpha, requests }: ZipfTraceSize): string | null {
  if (!Number.isInteger(keys) || keys < 1 || keys > 10_000_000)
    return `keys: expected a whole number from 1 to 10,000,000, got ${keys}`;
  if (!(alpha >= 0 && alpha <= 3)) return `alpha: expected a number from 0 to 3, got ${alpha}`;
  if (!Number.isInteger(requests) || requests < 1 || requests > 50_000_000)
    return `requests: expected a whole number from 1 to 50,000,000, got ${requests}`;
  return null;
}
