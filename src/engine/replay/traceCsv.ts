import { csvText } from '../export/csvText';
import { opWrite, type Trace } from './trace';

/**
 * A trace as the CSV text parseTrace reads (`time,key[,size][,op]`): a run file carries its trace
 * this way. The size and op columns are written only when the trace has sizes other than 1 or any
 * write, as parseTrace's defaults give the rest back. Times and sizes are printed as JavaScript
 * prints them, not with csvNumbers' fixed decimals: they are the trace's own values, and must read
 * back exactly (a replay of the run must get the same requests).
 *
 * @example
 * traceCsv(parseTrace('time,key\n0,a\n5,b\n')); // 'time,key\n0,a\n5,b\n'
 */
export function traceCsv(trace: Trace): string {
  const { times, keys, sizes, ops, keyNames, requests } = trace;
  let withSizes = false;
  let withOps = false;
  for (let i = 0; i < requests; i++) {
    if (sizes[i] !== 1) withSizes = true;
    if (ops[i] === opWrite) withOps = true;
  }
  const header = ['time', 'key', ...(withSizes ? ['size'] : []), ...(withOps ? ['op'] : [])];
  const rows: string[][] = new Array(requests);
  for (let i = 0; i < requests; i++) {
    const row = [String(times[i]), keyNames[keys[i]]];
    if (withSizes) row.push(String(sizes[i]));
    if (withOps) row.push(ops[i] === opWrite ? 'write' : 'read');
    rows[i] = row;
  }
  return csvText(header, rows);
}
