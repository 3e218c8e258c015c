import type { TierName } from '../../engine/scenario/commandSchema';

/**
 * The cache tiers in the order a request meets them, with the names the controls use. Listed here
 * rather than imported from commandSchema so that the page's first script stays free of zod.
 */
export const tierLabels: readonly { tier: TierName; label: string }[] = [
  { tier: 'browser', label: 'Browser cache' },
  { tier: 'cdn', label: 'CDN' },
  { tier: 'local', label: 'App-local cache' },
  { tier: 'distributed', label: 'Distributed cache' },
  { tier: 'bufferPool', label: 'DB buffer pool' },
];

const labelOf = new Map(tierLabels.map(({ tier, label }) => [tier, label]));

/** A tier's name on screen: every view (controls, totals, charts, inspector, event log) uses this one. */
export function tierLabel(tier: TierName): string {
  return labelOf.get(tier) ?? tier;
}
