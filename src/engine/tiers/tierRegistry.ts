import type { NodeKind } from '../snapshot';
import type { Scenario } from '../scenario/schema';
import type { TierConfig } from '../scenario/parts';
import { tierNames, type TierName } from './tierNames';

/**
 * Everything the app says and does about one cache tier that is not the model's behaviour: its
 * names, where its settings live in a scenario, and the topology node that holds it. Type imports
 * only, so the page's first script (the controls) can use it without loading the schema library.
 */
export interface TierKind {
  name: TierName;
  /** Its name on screen: controls, totals, charts, the cache inspector and the event log. */
  label: string;
  /** Its name inside a sentence, where a short form would read badly ("Database's buffer pool"). */
  inSentence: string;
  /** Whether entries expire (the buffer pool holds pages, which never do). */
  hasTtl: boolean;
  /** Whether the controls offer copies of each key on distinct nodes. */
  replicates: boolean;
  /** The topology node that holds an instance of it, and the prefix of that node's id. */
  node: { kind: NodeKind; idPrefix: string };
  /** The tier's settings in a scenario. */
  configIn(settings: Scenario): TierConfig;
  /** The scenario with the tier's settings replaced, every other part shared with the input. */
  withConfig(settings: Scenario, config: TierConfig): Scenario;
}

const withTopology = (settings: Scenario, topology: Partial<Scenario['topology']>): Scenario => ({
  ...settings,
  topology: { ...settings.topology, ...topology },
});

/** The tiers by name, outermost first; adding a tier kind adds a record here. */
export const tierKinds: Readonly<Record<TierName, TierKind>> = {
  browser: {
    name: 'browser',
    label: 'Browser cache',
    inSentence: 'Browser cache',
    hasTtl: true,
    replicates: false,
    node: { kind: 'client', idPrefix: 'client:' },
    configIn: (s) => s.topology.browser,
    withConfig: (s, browser) => withTopology(s, { browser }),
  },
  cdn: {
    name: 'cdn',
    label: 'CDN',
    inSentence: 'CDN',
    hasTtl: true,
    replicates: false,
    node: { kind: 'cdn', idPrefix: 'cdn' },
    configIn: (s) => s.topology.cdn,
    withConfig: (s, cdn) => withTopology(s, { cdn }),
  },
  local: {
    name: 'local',
    label: 'App-local cache',
    inSentence: 'App-local cache',
    hasTtl: true,
    replicates: false,
    node: { kind: 'app', idPrefix: 'app:' },
    configIn: (s) => s.topology.appServers.local,
    withConfig: (s, local) => withTopology(s, { appServers: { ...s.topology.appServers, local } }),
  },
  distributed: {
    name: 'distributed',
    label: 'Distributed cache',
    inSentence: 'Distributed cache',
    hasTtl: true,
    replicates: true,
    node: { kind: 'cache', idPrefix: 'cache:' },
    configIn: (s) => s.topology.distributed,
    // The distributed cache's settings carry its ring too (nodes, replication): keep what is not given.
    withConfig: (s, config) => withTopology(s, { distributed: { ...s.topology.distributed, ...config } }),
  },
  bufferPool: {
    name: 'bufferPool',
    label: 'DB buffer pool',
    inSentence: "Database's buffer pool",
    hasTtl: false,
    replicates: false,
    node: { kind: 'db', idPrefix: 'db' },
    configIn: (s) => s.topology.database.bufferPool,
    withConfig: (s, bufferPool) => withTopology(s, { database: { ...s.topology.database, bufferPool } }),
  },
};

/** The tiers in the order a request meets them. */
export const tierKindList: readonly TierKind[] = tierNames.map((name) => tierKinds[name]);

/** A tier's name on screen, e.g. "DB buffer pool". */
export function tierLabel(tier: TierName): string {
  return tierKinds[tier].label;
}

/** A tier's settings in a scenario, by tier name. */
export function tierConfig(settings: Scenario, tier: TierName): TierConfig {
  return tierKinds[tier].configIn(settings);
}

/** The tier whose instances a topology node holds (`cache:2` → distributed), or null. */
export function tierOfNode(node: string): TierName | null {
  const kind = tierKindList.find(({ node: { idPrefix } }) =>
    idPrefix.endsWith(':') ? node.startsWith(idPrefix) : node === idPrefix,
  );
  return kind?.name ?? null;
}
