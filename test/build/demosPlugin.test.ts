import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demosModuleId, demosPlugin } from '../../build/demosPlugin';
import { pluginCaller } from './callPluginHook';

function pluginFor(dir: string) {
  return { call: pluginCaller(demosPlugin({ dir })) };
}

describe('demosPlugin', () => {
  it('fails the build on a broken demo, naming the file, the beat and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demos-'));
    const first = readFileSync('demos/01-ttl-freshness.md', 'utf8');
    writeFileSync(join(dir, '01-fine.md'), first);
    writeFileSync(join(dir, '02-broken.md'), first.replace('atMs: 10000', 'atMs: -5'));
    await expect(pluginFor(dir).call('buildStart')).rejects.toThrow(
      /Cachescope demos: demos\/02-broken\.md is not a valid demo[\s\S]*beats\[1\] "Shorten the TTL to 1 second" \(line \d+\): atMs: expected a number >= 0, got -5/,
    );
  });

  it('serves the demo scripts, parsed, as a virtual module', async () => {
    const { call } = pluginFor('demos');
    const id = call('resolveId', demosModuleId) as string;
    const code = (await call('load', id)) as string;
    const demos = JSON.parse(code.replace(/^export default /, '').replace(/;$/, ''));
    expect(demos[0]).toMatchObject({ id: '01-ttl-freshness', number: 1, preset: 'ttl-freshness' });
    expect(demos).toHaveLength(6);
  });
});
