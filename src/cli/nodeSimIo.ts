import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { FileSink, SimIo } from './simMain';

/** Bytes gathered before each write to the disk: few system calls, little memory. */
const flushBytes = 1 << 16;

/**
 * A file written with synchronous writes in 64 KB pieces. The engine runs synchronously, so an
 * asynchronous stream would buffer the whole event log before writing any of it.
 */
function openFileSink(path: string): FileSink {
  const fd = openSync(path, 'w');
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = () => {
    if (pendingLength === 0) return;
    writeSync(fd, pending.join(''));
    pending = [];
    pendingLength = 0;
  };
  return {
    write(chunk) {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength >= flushBytes) flush();
    },
    async close() {
      flush();
      closeSync(fd);
    },
  };
}

/** The real process and file system, for src/cli/sim.ts. */
export const nodeSimIo: SimIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  openFile: async (path) => openFileSink(path),
  now: () => performance.now(),
};
