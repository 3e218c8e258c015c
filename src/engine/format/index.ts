export { csvCount, csvMs, csvRate, csvRatio } from './csvNumbers';
export {
  formatBytes,
  formatClock,
  formatCount,
  formatDecimal,
  formatDuration,
  formatFigure,
  formatPercent,
  formatPercentTick,
  formatSeconds,
  formatSecondsToTenth,
} from './readableNumbers';
