/** Characters gathered before they become one Blob part: large enough to be cheap, small next to the heap. */
const partChars = 1 << 22;

/**
 * Builds a large text file as Blob parts, a few megabytes at a time, so that it never exists as one
 * string (V8 caps strings at about 512 MB, and a heap of rows is several times the text). The parts
 * live in the browser's blob store, which can page them to disk, not in the worker's heap.
 *
 * @example
 * const writer = new BlobWriter('text/csv');
 * exportRun(scenario, commands, untilMs, { writeEvents: writer.write });
 * const blob = writer.finish();
 */
export class BlobWriter {
  private readonly parts: Blob[] = [];
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(private readonly type: string) {}

  /** Adds text at the end of the file. */
  write = (chunk: string): void => {
    this.pending.push(chunk);
    this.pendingChars += chunk.length;
    if (this.pendingChars >= partChars) this.flush();
  };

  /** The whole file. The writer is empty afterwards. */
  finish(): Blob {
    this.flush();
    const blob = new Blob(this.parts, { type: this.type });
    this.parts.length = 0;
    return blob;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(new Blob(this.pending));
    this.pending = [];
    this.pendingChars = 0;
  }
}
