import type { SimEvent } from '../../../engine/events';
import { outcomeOf } from './outcomeOf';
import { outcomeKinds, type OutcomeKind } from './palette';
import { glyphIdFor, type TopologyLayout } from './topologyLayout';

export interface Badge {
  kind: OutcomeKind;
  count: number;
}

/** Harms and failures first: a lost write must not hide behind a hundred hits. */
const urgency: Partial<Record<OutcomeKind, number>> = {
  lost: 0,
  leak: 1,
  stale: 2,
  down: 3,
  up: 4,
  logout: 5,
};
const rank = (k: OutcomeKind) => urgency[k] ?? 10 + outcomeKinds.indexOf(k);

/**
 * The outcomes of recent events gathered per glyph, each kind once with its count, most urgent first
 * and then in legend order, at most `limit` per glyph.
 */
export function nodeBadges(
  layout: TopologyLayout,
  recent: readonly SimEvent[],
  limit = 4,
): Map<string, Badge[]> {
  const counts = new Map<string, Map<OutcomeKind, number>>();
  for (const event of recent) {
    const outcome = outcomeOf(event);
    if (!outcome) continue;
    const glyph = glyphIdFor(layout, outcome.node);
    if (glyph === undefined) continue;
    let perKind = counts.get(glyph);
    if (!perKind) counts.set(glyph, (perKind = new Map()));
    perKind.set(outcome.kind, (perKind.get(outcome.kind) ?? 0) + 1);
  }
  const out = new Map<string, Badge[]>();
  for (const [glyph, perKind] of counts) {
    const badges = [...perKind].map(([kind, count]) => ({ kind, count }));
    badges.sort((a, b) => rank(a.kind) - rank(b.kind));
    out.set(glyph, badges.slice(0, limit));
  }
  return out;
}
