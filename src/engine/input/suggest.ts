/**
 * The one "did you mean": the known name a small typo away from what a person wrote. Scenarios,
 * run files, lessons, share links and the CLI's flags all suggest names by this one rule, so a slip
 * is caught (or not) the same way wherever it is made.
 */

/**
 * The candidate closest to `word`, ignoring case, when it is at most a third of the word's length
 * away (one edit at least, three at most; a swap of two neighbours counts as one edit); else null.
 *
 * @example
 * nearestName('ratePerSecnod', ['clients', 'ratePerSecond']); // 'ratePerSecond'
 */
export function nearestName(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return best !== null && bestDistance <= allowed && best !== word ? best : null;
}

/** ` (did you mean "ratePerSecond"?)` when a known name is a small typo away from `word`, else ''. */
export function suggest(word: string, candidates: readonly string[]): string {
  const near = nearestName(word, candidates);
  return near === null ? '' : ` (did you mean "${near}"?)`;
}

/** Damerau-Levenshtein distance (optimal string alignment). */
function editDistance(a: string, b: string): number {
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], twoBack[j - 2] + 1);
      }
    }
    twoBack = previous;
    previous = row;
  }
  return previous[b.length];
}
