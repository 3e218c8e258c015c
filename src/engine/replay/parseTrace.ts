import { InputError } from '../inputError';
import { opRead, opWrite, type Trace } from './trace';

/** Column names a trace may use, with the spellings of libCacheSim's CSV traces. */
const columnAliases: Record<string, 'time' | 'key' | 'size' | 'op'> = {
  time: 'time',
  key: 'key',
  obj_id: 'key',
  size: 'size',
  obj_size: 'size',
  op: 'op',
};
const expectedHeader = 'expected a header row such as "time,key,size,op" (size and op are optional)';

/** Splits one CSV line into fields, honouring RFC 4180 quotes only when the line has any. */
function splitFields(line: string, lineNumber: number): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) throw new InputError(`line ${lineNumber}: a quoted field is not closed`);
        value += line.slice(i, close);
        i = close + 1;
        if (line[i] === '"') {
          value += '"';
          i++;
        } else break;
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== ',') throw new InputError(`line ${lineNumber}: expected a comma after a quoted field`);
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/**
 * Parses a CSV request trace. The first row is a header naming the columns, in any order:
 * `time` (milliseconds, never decreasing), `key` (or libCacheSim's `obj_id`), optional `size` (or
 * `obj_size`, whole bytes >= 1, default 1) and optional `op` (`read` or `write`, default read).
 * Keys are interned to dense integers in order of first appearance. Blank lines at the end are
 * fine; anything malformed throws an InputError naming the line and the field.
 *
 * @example
 * parseTrace('time,key\n0,a\n5,b\n9,a\n'); // keys [0, 1, 0], distinctKeys 2
 */
export function parseTrace(text: string): Trace {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n');
  let last = lines.length - 1;
  while (last >= 0 && lines[last].trim() === '') last--;
  if (last < 0) throw new InputError(`the trace is empty: ${expectedHeader}`);

  const header = splitFields(lines[0].replace(/\r$/, ''), 1).map((name) => name.trim().toLowerCase());
  const columnOf = { time: -1, key: -1, size: -1, op: -1 };
  header.forEach((name, index) => {
    const column = columnAliases[name];
    if (column === undefined) {
      throw new InputError(
        `line 1 (header): unknown column "${name}"; ${expectedHeader}, or obj_id and obj_size as libCacheSim writes them`,
      );
    }
    if (columnOf[column] >= 0) throw new InputError(`line 1 (header): column "${column}" appears twice`);
    columnOf[column] = index;
  });
  for (const required of ['time', 'key'] as const) {
    if (columnOf[required] < 0) {
      throw new InputError(`line 1 (header): missing the "${required}" column; ${expectedHeader}`);
    }
  }
  const width = header.length;
  const requests = last;
  if (requests === 0)
    throw new InputError('the trace has a header but no requests (expected rows from line 2)');

  const times = new Float64Array(requests);
  const keys = new Int32Array(requests);
  const sizes = new Float64Array(requests).fill(1);
  const ops = new Uint8Array(requests);
  const ids = new Map<string, number>();
  const keyNames: string[] = [];
  const { time: timeAt, key: keyAt, size: sizeAt, op: opAt } = columnOf;
  let previousTime = 0;

  for (let r = 0; r < requests; r++) {
    const lineNumber = r + 2;
    let line = lines[r + 1];
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (line.trim() === '') throw new InputError(`line ${lineNumber}: empty line inside the trace`);
    const fields = splitFields(line, lineNumber);
    if (fields.length !== width) {
      throw new InputError(
        `line ${lineNumber}: expected ${width} fields (${header.join(',')}), got ${fields.length}`,
      );
    }

    const timeText = fields[timeAt];
    const time = timeText.trim() === '' ? NaN : Number(timeText);
    if (!Number.isFinite(time) || time < 0) {
      throw new InputError(`line ${lineNumber}, field "time": expected a number >= 0, got "${timeText}"`);
    }
    if (time < previousTime) {
      throw new InputError(
        `line ${lineNumber}, field "time": time goes backwards (${time} after ${previousTime}); sort the trace by time`,
      );
    }
    previousTime = time;
    times[r] = time;

    const name = fields[keyAt].trim();
    if (name === '')
      throw new InputError(`line ${lineNumber}, field "key": expected a key, got an empty field`);
    let id = ids.get(name);
    if (id === undefined) {
      id = keyNames.length;
      ids.set(name, id);
      keyNames.push(name);
    }
    keys[r] = id;

    if (sizeAt >= 0) {
      const sizeText = fields[sizeAt];
      const size = sizeText.trim() === '' ? NaN : Number(sizeText);
      if (!Number.isInteger(size) || size < 1) {
        throw new InputError(
          `line ${lineNumber}, field "size": expected a whole number of bytes >= 1, got "${sizeText}"`,
        );
      }
      sizes[r] = size;
    }

    if (opAt >= 0) {
      const op = fields[opAt].trim().toLowerCase();
      if (op === 'read') ops[r] = opRead;
      else if (op === 'write') ops[r] = opWrite;
      else
        throw new InputError(
          `line ${lineNumber}, field "op": expected "read" or "write", got "${fields[opAt]}"`,
        );
    }
  }

  return { times, keys, sizes, ops, keyNames, distinctKeys: keyNames.length, requests };
}
