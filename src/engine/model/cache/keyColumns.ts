import { doubledLength } from '../../growArray';

/**
 * The per-key state of the dense cache tiers (CDN, app-local caches, distributed nodes, buffer
 * pool), interleaved: row `key` holds one Int32 for each tier instance, its column. A request looks
 * the same key up in several tiers one after another (its app's local cache, a node, the buffer
 * pool, then fills them on the way back); in one row those reads share a CPU cache line, where one
 * array per tier cost a trip to memory each over a large key space.
 *
 * What a value means is the tier's business (CacheInstance: 0 never held, above 0 a slot, below 0
 * why it left). Rows grow by doubling (a grown table replaces `data`).
 */
export class KeyColumns {
  /** `stride` Int32 per key: row key starts at key * stride. */
  data: Int32Array;
  /** Columns per row, a power of two at least the number of columns handed out. */
  stride: number;
  private columns = 0;

  constructor(initialRows = 1024, initialStride = 8) {
    this.stride = initialStride;
    this.data = new Int32Array(initialRows * initialStride);
  }

  /** Rows the table has room for: keys below this can be read and written. */
  get rows(): number {
    return this.data.length / this.stride;
  }

  /** A new column of zeros for one tier instance; widens every row when the stride is full. */
  addColumn(): number {
    if (this.columns === this.stride) this.relayout(this.rows, this.stride * 2);
    return this.columns++;
  }

  /** A key's value in a column; 0 for a key beyond the table. */
  read(key: number, column: number): number {
    const at = key * this.stride + column;
    const data = this.data;
    return at < data.length ? data[at] : 0;
  }

  /** Sets a key's value in a column, making room for its row first. */
  write(key: number, column: number, value: number): void {
    this.ensure(key);
    this.data[key * this.stride + column] = value;
  }

  /** Makes room for rows up to `key`, doubling. */
  ensure(key: number): void {
    if (key < this.rows) return;
    this.relayout(doubledLength(this.rows, key), this.stride);
  }

  /** Sets every key's value in one column to 0 (a tier that lost everything). */
  clearColumn(column: number): void {
    const { data, stride } = this;
    for (let i = column; i < data.length; i += stride) data[i] = 0;
  }

  private relayout(rows: number, stride: number): void {
    const data = new Int32Array(rows * stride);
    const old = this.data;
    const oldStride = this.stride;
    if (stride === oldStride) data.set(old);
    else widenRows(old, oldStride, data, stride);
    this.data = data;
    this.stride = stride;
  }
}

/**
 * Copies each row of `from` to the start of the wider row of `to`, element by element: a subarray
 * view a row was an object a key. A function of its own, so the loop V8 compiles as it runs does not
 * take relayout's stores after it, which had never run and threw the compiled code away each time.
 */
function widenRows(from: Int32Array, fromStride: number, to: Int32Array, toStride: number): void {
  const rows = from.length / fromStride;
  for (let row = 0; row < rows; row++) {
    const source = row * fromStride;
    const target = row * toStride;
    for (let column = 0; column < fromStride; column++) to[target + column] = from[source + column];
  }
}
