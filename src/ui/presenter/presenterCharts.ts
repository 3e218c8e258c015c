import type { TierSummary } from '../../engine/metrics/types';
import type { Command, TierName, TimedCommand } from '../../engine/scenario/commandSchema';

/** The tier a command acts on, if it acts on one (a cache node's fault acts on the distributed cache). */
function tierOf(command: Command): TierName | null {
  switch (command.type) {
    case 'tier.configure':
      return command.tier;
    case 'purge':
      return command.tier === 'all' ? null : command.tier;
    case 'node.fail':
    case 'node.recover':
      return 'distributed';
    default:
      return null;
  }
}

/**
 * The tier the class is looking at: the one the latest command up to `nowMs` changed, or else the
 * tier that missed most so far (the first listed on a tie), or null before any tier was used.
 */
export function focusTier(
  commands: readonly TimedCommand[],
  nowMs: number,
  tiers: readonly TierSummary[],
): TierName | null {
  for (let i = commands.length - 1; i >= 0; i--) {
    const tier = commands[i].atMs <= nowMs ? tierOf(commands[i].command) : null;
    if (tier !== null) return tier;
  }
  let most: TierSummary | null = null;
  for (const t of tiers) if (t.lookups > 0 && (most === null || t.misses > most.misses)) most = t;
  return most?.tier ?? null;
}

/**
 * The charts presenter view keeps in sight, in order: the hit ratio and the database's load always,
 * and the misses by cause of the tier in focus (ids as chartModels names them).
 */
export function presenterChartIds(focus: TierName | null): string[] {
  return ['hit-ratio', 'db-queries', ...(focus ? [`misses-${focus}`] : [])];
}
