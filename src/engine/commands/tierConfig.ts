import type { TierName } from '../scenario/commandSchema';
import type { TierConfig } from '../scenario/parts';
import type { Scenario } from '../scenario/schema';

/** A tier's settings in a scenario, by tier name. */
export function tierConfig(settings: Scenario, tier: TierName): TierConfig {
  const { topology } = settings;
  switch (tier) {
    case 'browser':
      return topology.browser;
    case 'cdn':
      return topology.cdn;
    case 'local':
      return topology.appServers.local;
    case 'distributed':
      return topology.distributed;
    case 'bufferPool':
      return topology.database.bufferPool;
  }
}
