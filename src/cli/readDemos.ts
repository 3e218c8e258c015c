import type { Demo } from '../engine/demos/demo';
import { parseDemo } from '../engine/demos/parseDemo';
import { readParsedFiles } from './readParsedFiles';

/**
 * Reads every `*.md` in `dir` (the demo scripts' `demos/`), in file-name order. Node only.
 *
 * @throws Error listing every broken demo, each problem naming its file, beat, field and what was expected.
 */
export function readDemos(dir: string): Demo[] {
  return readParsedFiles(dir, 'demos', parseDemo);
}
