export { applySetting, commandSchedule, foldCommands } from './foldCommands';
export { tierConfig } from '../tiers/tierRegistry';
