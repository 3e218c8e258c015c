import type { TierName } from '../scenario/commandSchema';
import { goalMetrics, type MetricInfo } from './goalMetrics';
import { checkMetric } from './evaluateGoal';
import type { GoalCheck } from './lessonSchema';

const tierWords: Record<TierName, string> = {
  browser: 'Browser cache',
  cdn: 'CDN',
  local: 'App-local cache',
  distributed: 'Distributed cache',
  bufferPool: "Database's buffer pool",
};

/**
 * A check in words for the checklist, e.g. "Distributed cache hit ratio above 80% over the last 10 s"
 * or "At least 1 stale read since this step began". An author's `label` wins.
 */
export function describeCheck(check: GoalCheck): string {
  if (check.label) return check.label;
  const info = goalMetrics[checkMetric(check)];
  const subject = check.tier ? `${tierWords[check.tier]} ${info.label}` : capitalise(info.label);
  const when = check.window
    ? ` over the last ${formatSeconds(check.window.lastMs)}`
    : ' since this step began';
  if (check.atLeast !== undefined) {
    const what = check.tier ? subject.charAt(0).toLowerCase() + subject.slice(1) : info.label;
    return `At least ${formatGoalValue(check.atLeast, info)} ${check.atLeast === 1 ? singular(what) : what}${when}`;
  }
  const [word, bound] =
    check.above !== undefined
      ? ['above', check.above]
      : check.below !== undefined
        ? ['below', check.below]
        : ['at most', check.atMost!];
  return `${subject} ${word} ${formatGoalValue(bound, info)}${when}`;
}

/** A figure in its unit: 0.8 → "80%", 120 → "120 ms", 50 → "50/s". */
export function formatGoalValue(value: number, info: Pick<MetricInfo, 'unit'>): string {
  switch (info.unit) {
    case 'fraction':
      return `${(value * 100).toFixed(value * 100 === Math.round(value * 100) ? 0 : 1)}%`;
    case 'ms':
      return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
    case 'perSecond':
      return `${value < 10 ? value.toFixed(1) : Math.round(value)}/s`;
    default:
      return Math.round(value).toLocaleString('en-US');
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** "stale reads" → "stale read", "database queries" → "database query" (the first plural word). */
function singular(words: string): string {
  return words.replace(/\b(\w+?)(ies|sses|s)\b/, (_, stem: string, end: string) =>
    end === 'ies' ? `${stem}y` : end === 'sses' ? `${stem}ss` : stem,
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
