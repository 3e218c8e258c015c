export type { Demo, DemoBeat } from './demo';
export { beatEndMs } from './demo';
export { parseDemo, maxBeats, maxCaptionChars } from './parseDemo';
export { replayDemo, type BeatReplay } from './replayDemo';
