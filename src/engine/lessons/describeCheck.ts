import { formatCount, formatFigure, formatSecondsToTenth } from '../format/readableNumbers';
import { tierKinds } from '../tiers/tierRegistry';
import type { TierName } from '../tiers/tierNames';
import { goalMetrics, type MetricInfo } from './goalMetrics';
import { checkMetric, type CheckResult } from './evaluateGoal';
import type { GoalCheck } from './lessonSchema';

/**
 * A check in words for the checklist, e.g. "Distributed cache tier hit ratio above 80% over the last
 * 10 s", "At least 1 stale read since this step began", "Distributed cache eviction is s3fifo" or
 * "Distributed cache tier hit ratio at least 5 points above the step's start over the last 5 s".
 * An author's `label` wins.
 */
export function describeCheck(check: GoalCheck): string {
  if (check.label) return check.label;
  if (check.setting !== undefined) return `${settingWords(check.setting)} is ${settingValueWords(check.is)}`;
  const info = goalMetrics[checkMetric(check)];
  const subject = check.tier ? `${tierKinds[check.tier].inSentence} ${info.label}` : capitalise(info.label);
  const when = ` ${checkSpan(check)}`;
  if (check.risesBy !== undefined || check.dropsBy !== undefined) {
    const [by, word] = check.risesBy !== undefined ? [check.risesBy, 'above'] : [check.dropsBy!, 'below'];
    return `${subject} at least ${formatChange(by, info)} ${word} the step's start${when}`;
  }
  // "At least 300 evictions" for counts; a peak reads "Longest database queue at least 20".
  const counted = info.kind === 'count' || info.kind === 'total';
  if (check.atLeast !== undefined && counted) {
    const what = check.tier ? subject.charAt(0).toLowerCase() + subject.slice(1) : info.label;
    return `At least ${formatGoalValue(check.atLeast, info)} ${check.atLeast === 1 ? singular(what) : what}${when}`;
  }
  const [word, bound] =
    check.above !== undefined
      ? ['above', check.above]
      : check.below !== undefined
        ? ['below', check.below]
        : check.atLeast !== undefined
          ? ['at least', check.atLeast]
          : ['at most', check.atMost!];
  return `${subject} ${word} ${formatGoalValue(bound, info)}${when}`;
}

/** The span of the run a check measures: "over the last 5 s", or "since this step began". */
export function checkSpan(check: GoalCheck): string {
  return check.window
    ? `over the last ${formatSecondsToTenth(check.window.lastMs)}`
    : 'since this step began';
}

/**
 * How a check stands, in words for the checklist: "85%", "3.2 points above (22.0% before the
 * step)", "s3fifo"; null while there is nothing to measure.
 */
export function describeStanding(result: CheckResult): string | null {
  const { check } = result;
  if (check.setting !== undefined)
    return result.setting === undefined ? null : settingValueWords(result.setting);
  if (result.value === null) return null;
  const info = goalMetrics[checkMetric(check)];
  if (check.risesBy === undefined && check.dropsBy === undefined) return formatGoalValue(result.value, info);
  const up = check.risesBy !== undefined ? result.value : -result.value;
  const before = result.before == null ? '' : ` (${formatGoalValue(result.before, info)} before the step)`;
  return `${formatChange(Math.abs(up), info)} ${up >= 0 ? 'above' : 'below'}${before}`;
}

/** A change in a figure: 0.05 of a fraction is "5 points", 30 queries/s is "30/s". */
function formatChange(change: number, info: Pick<MetricInfo, 'unit'>): string {
  if (info.unit !== 'fraction') return formatGoalValue(change, info);
  const points = change * 100;
  return `${points === Math.round(points) ? points.toFixed(0) : points.toFixed(1)} points`;
}

/** Settings named as the controls name them. */
const settingNames: Record<string, string> = {
  'policies.read': 'Read policy',
  'policies.write': 'Write policy',
  'policies.stampede': 'Stampede protection',
  'policies.cacheKeyIncludesUser': 'Cache key includes user',
  'policies.writeBackFlushMs': 'Write-back flush delay (ms)',
  'bus.enabled': 'Invalidation bus',
  'bus.lossProbability': 'Invalidation loss',
  'bus.delayMs': 'Invalidation delay (ms)',
};

const tierFieldNames: Record<string, string> = {
  enabled: '',
  capacity: 'capacity',
  eviction: 'eviction',
  replication: 'replication',
  'ttl.seconds': 'TTL (s)',
  'ttl.jitter': 'TTL jitter',
  'ttl.staleWhileRevalidateSeconds': 'stale-while-revalidate (s)',
};

function settingWords(path: string): string {
  if (settingNames[path]) return settingNames[path];
  const [head, name, ...rest] = path.split('.');
  const field = rest.join('.');
  if (head === 'tiers' && name in tierKinds)
    return `${tierKinds[name as TierName].inSentence} ${tierFieldNames[field] ?? field}`.trim();
  if (head === 'keySpaces') return `${field === 'http' ? 'Cache-Control' : capitalise(field)} (${name})`;
  return capitalise(path.split('.').slice(1).join(' '));
}

function settingValueWords(value: unknown): string {
  if (value === true) return 'on';
  if (value === false) return 'off';
  if (value === null) return 'none';
  return String(value);
}

/** A figure in its unit: 0.8 → "80%", 120 → "120 ms", 50 → "50/s". */
export function formatGoalValue(value: number, info: Pick<MetricInfo, 'unit'>): string {
  switch (info.unit) {
    case 'fraction':
      return `${(value * 100).toFixed(Math.abs(value * 100 - Math.round(value * 100)) < 1e-9 ? 0 : 1)}%`;
    case 'ms':
      return `${formatFigure(value)} ms`;
    case 'perSecond':
      return `${formatFigure(value)}/s`;
    default:
      return formatCount(value);
  }
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
