export { summaryTiersCsv, summaryTiersCsvColumns } from './summaryTiersCsv';
export { summaryEndToEndCsv, summaryEndToEndCsvColumns } from './summaryEndToEndCsv';
export { timeSeriesCsv, timeSeriesCsvColumns } from './timeSeriesCsv';
export { eventCsvColumns, eventCsvHeader, eventCsvRow, eventsCsv } from './eventsCsv';
export { csvCount, csvMs, csvRate, csvRatio } from '../format/csvNumbers';
export { lineEnd } from './csvText';
export { exportRun, type ExportRunOptions, type RunCsv } from './exportRun';
export { missRatioCurveCsv, missRatioCurveCsvColumns } from './missRatioCurveCsv';
export { sweepCsv, sweepCsvColumns } from './sweepCsv';
export {
  comparisonEndToEndCsv,
  comparisonEndToEndCsvColumns,
  comparisonTiersCsv,
  comparisonTiersCsvColumns,
  exportComparison,
} from './comparisonCsv';
