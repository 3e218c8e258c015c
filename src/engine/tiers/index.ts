export { tierNames, type TierName } from './tierNames';
export { tierConfig, tierKindList, tierKinds, tierLabel, tierOfNode, type TierKind } from './tierRegistry';
