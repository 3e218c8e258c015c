export { summaryCsv, summaryCsvColumns } from './summaryCsv';
export { timeSeriesCsv, timeSeriesCsvColumns } from './timeSeriesCsv';
export { eventCsvColumns, eventCsvHeader, eventCsvRow, eventsCsv } from './eventsCsv';
export { formatCount, formatMs, formatRatio } from './formatNumber';
export { lineEnd } from './csvText';
export { exportRun, type ExportRunOptions, type RunCsv } from './exportRun';
