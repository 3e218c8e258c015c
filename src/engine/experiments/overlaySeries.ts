import type { SettingValue } from '../lessons/goalSettings';
import type { HitRatioPrediction } from './sweepOverlay';

/** A formula's line beside a sweep's simulated hit ratio: its name in a legend, a value per point. */
export interface OverlaySeries {
  label: string;
  /** Each point's predicted hit ratio, null where the formula does not apply. */
  values: (number | null)[];
  /** Drawn to compare only: the cache does not follow this TTL rule. */
  comparison: boolean;
}

interface PredictedPoint {
  value: SettingValue;
  prediction: HitRatioPrediction;
}

const setOnFill = 'TTL model λT/(1+λT)';
const resetOnHit = 'TTL model 1−e^(−λT)';

/**
 * The formulas that apply somewhere in a sweep, each as a series named for its legend: Che's
 * approximation, King–Gelenbe, and the TTL model of the cache's rule with the other rule beside it
 * for comparison (named as such, unless the sweep itself switches the rule).
 */
export function overlaySeries(points: readonly PredictedPoint[]): OverlaySeries[] {
  const series: OverlaySeries[] = [];
  const add = (label: string, values: (number | null)[], comparison = false) => {
    if (values.some((v) => v !== null)) series.push({ label, values, comparison });
  };
  add(
    "Che's approximation (LRU)",
    points.map((p) => p.prediction.che),
  );
  add(
    'King–Gelenbe (FIFO/Random)',
    points.map((p) => p.prediction.fifoRandom),
  );
  const rules = new Set(points.map((p) => p.prediction.ttlRule).filter((rule) => rule !== null));
  const ttlBy = (rule: 'set-on-fill' | 'reset-on-hit') =>
    points.map(({ prediction: p }) =>
      p.ttlRule === null ? null : p.ttlRule === rule ? p.ttl : p.ttlOtherRule,
    );
  if (rules.size === 2) {
    add(setOnFill, ttlBy('set-on-fill'));
    add(resetOnHit, ttlBy('reset-on-hit'));
  } else if (rules.has('set-on-fill')) {
    add(setOnFill, ttlBy('set-on-fill'));
    add(`${resetOnHit}, if hits renewed the TTL`, ttlBy('reset-on-hit'), true);
  } else if (rules.has('reset-on-hit')) {
    add(resetOnHit, ttlBy('reset-on-hit'));
    add(`${setOnFill}, if hits did not renew the TTL`, ttlBy('set-on-fill'), true);
  }
  return series;
}

/**
 * The lines under a sweep's hit-ratio chart: why no formula applies (at which values, when not at
 * all of them), and what the simulation has that the formula leaves out.
 */
export function overlayNotes(points: readonly PredictedPoint[]): string[] {
  const named = (value: SettingValue) => (value === null ? 'null' : String(value));
  const grouped = (texts: (p: PredictedPoint) => string[]) => {
    const values = new Map<string, string[]>();
    for (const point of points) {
      for (const text of texts(point)) values.set(text, [...(values.get(text) ?? []), named(point.value)]);
    }
    return [...values].map(([text, at]) => ({ text, at: at.length === points.length ? null : at }));
  };
  const reasons = grouped((p) => (p.prediction.reason === null ? [] : [p.prediction.reason]));
  const notes = grouped((p) => p.prediction.notes);
  const sentence = (text: string) => `${text[0].toUpperCase()}${text.slice(1)}.`;
  const lines = [
    ...reasons.map(({ text, at }) => `No formula${at ? ` at ${at.join(', ')}` : ''}: ${text}.`),
    ...notes.map(({ text, at }) => (at ? `At ${at.join(', ')}: ${text}.` : sentence(text))),
  ];
  // A note whose figure changes with the value (a cold-miss share) is a line per value: keep a few.
  if (lines.length <= maxNoteLines) return lines;
  const rest = lines.length - (maxNoteLines - 1);
  return [...lines.slice(0, maxNoteLines - 1), `And ${rest} more notes like these at other values.`];
}

/** The most lines under a chart. */
const maxNoteLines = 5;
