import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonsModuleId, lessonsPlugin } from '../../build/lessonsPlugin';
import { pluginCaller } from './callPluginHook';

function pluginFor(dir: string) {
  return { call: pluginCaller(lessonsPlugin({ dir })) };
}

describe('lessonsPlugin', () => {
  it('fails the build on a broken lesson, naming the file, the field and what was expected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
    const first = readFileSync('lessons/01-hits-and-misses.md', 'utf8');
    writeFileSync(join(dir, '01-fine.md'), first);
    writeFileSync(join(dir, '02-broken.md'), first.replace('level: beginner', 'level: guru'));
    await expect(pluginFor(dir).call('buildStart')).rejects.toThrow(
      /lessons\/02-broken\.md is not a valid lesson[\s\S]*level: expected one of "beginner", "intermediate", "advanced", got "guru"/,
    );
  });

  it('serves the course, parsed, as a virtual module', async () => {
    const { call } = pluginFor('lessons');
    const id = call('resolveId', lessonsModuleId) as string;
    const code = (await call('load', id)) as string;
    const lessons = JSON.parse(code.replace(/^export default /, '').replace(/;$/, ''));
    expect(lessons[0]).toMatchObject({ id: '01-hits-and-misses', number: 1 });
    expect(lessons.length).toBeGreaterThanOrEqual(14);
  });
});
