/**
 * The cache tiers, outermost first. A module of its own, with no schema library, so that the page's
 * first script can name tiers without loading the scenario schema.
 */
export const tierNames = ['browser', 'cdn', 'local', 'distributed', 'bufferPool'] as const;
export type TierName = (typeof tierNames)[number];
