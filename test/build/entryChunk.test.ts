import { describe, expect, it } from 'vitest';
import { build, type Rolldown } from 'vite';

type Output = Rolldown.RolldownOutput['output'][number];
type Chunk = Extract<Output, { type: 'chunk' }>;

/** The page's build, in memory (dist/ is left alone). */
async function buildPage(): Promise<Output[]> {
  const result = await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { write: false } });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((output) => output.output);
}

/** The entry chunk and every chunk it imports statically: what the page's first script loads. */
function firstScript(outputs: Output[]): Chunk[] {
  const chunks = new Map(outputs.flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o] as const] : [])));
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('the build has no entry chunk');
  const loaded = new Map<string, Chunk>();
  const visit = (chunk: Chunk) => {
    if (loaded.has(chunk.fileName)) return;
    loaded.set(chunk.fileName, chunk);
    for (const name of chunk.imports) visit(chunks.get(name)!);
  };
  visit(entry);
  return [...loaded.values()];
}

const fromZod = (id: string) => /[\\/]node_modules[\\/]zod[\\/]/.test(id);

describe('the page’s first script', () => {
  it(
    'carries no zod: the schemas load with the worker, and saved progress is checked by hand',
    { timeout: 180_000 },
    async () => {
      const outputs = await buildPage();
      const modules = firstScript(outputs).flatMap((chunk) => chunk.moduleIds);
      // The graph is the real one: the saved progress store is in it, and zod is still in the worker.
      expect(modules.some((id) => id.endsWith('src/state/lessonProgress.svelte.ts'))).toBe(true);
      const worker = outputs.find((o) => o.type === 'asset' && /engineWorker.*\.js$/.test(o.fileName));
      expect(String(worker?.type === 'asset' ? worker.source : '')).toContain('jitless');
      expect(modules.filter(fromZod)).toEqual([]);
      expect(modules.filter((id) => id.endsWith('src/engine/zod.ts'))).toEqual([]);
    },
  );
});
