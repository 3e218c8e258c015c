import { csvFormatRows } from 'd3-dsv';
import { csvCount, csvMs, csvRate, csvRatio } from '../format/csvNumbers';
import type { FigureUnit, SummaryFigure } from '../metrics/summaryFigures';

/**
 * Every CSV file Cachescope writes ends each line, the last one too, with `\n` (LF). RFC 4180 asks for
 * CRLF, but LF is what d3-dsv, spreadsheets, pandas and Unix tools all read, and one choice keeps the
 * bytes identical between the CLI and the browser. Fields with a comma, quote or line break are
 * quoted as RFC 4180 says (d3-dsv does it); a line break inside a quoted field stays as it is.
 */
export const lineEnd = '\n';

/** The field of a value that does not apply to a row (a ratio with no lookups, a latency with no requests). */
export const notApplicable = '';

/** One column of a CSV table: its header and how an item fills it. docs/csv.md documents each one. */
export interface CsvColumn<T> {
  name: string;
  value: (item: T) => string;
}

/** A header and rows as one CSV text, each line ended by `lineEnd`. */
export function csvText(header: readonly string[], rows: readonly string[][]): string {
  return csvFormatRows([header as string[], ...rows]) + lineEnd;
}

/** A table with a row per item, its header the columns' names. */
export function csvTable<T>(columns: readonly CsvColumn<T>[], items: readonly T[]): string {
  return csvText(
    columns.map((column) => column.name),
    items.map((item) => columns.map((column) => column.value(item))),
  );
}

/** A summary figure's CSV column: its number in the unit's fixed decimals, empty where it has no meaning. */
export function figureColumn<T>(figure: SummaryFigure<T>): CsvColumn<T> {
  const format = csvFormats[figure.unit];
  return {
    name: figure.name,
    value: (item) => {
      const value = figure.read(item);
      return value === null ? notApplicable : format(value);
    },
  };
}

const csvFormats: Record<FigureUnit, (value: number) => string> = {
  count: csvCount,
  ratio: csvRatio,
  ms: csvMs,
  perSecond: csvRate,
};
