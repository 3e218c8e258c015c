import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint step enforces DESIGN.md's layers; these cases prove the rule fires, and where it must not.
const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('layer boundaries', () => {
  it('the engine may not import the state, the page, the worker or Node', async () => {
    const code = [
      "import { AppState } from '../../state/appState.svelte';",
      "import { readFileSync } from 'node:fs';",
      'export const used = [AppState, readFileSync];',
    ].join('\n');
    const messages = await restricted('src/engine/model/example.ts', code);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/engine imports nothing above it/);
  });

  it('machines are a leaf', async () => {
    const code = "import { foldCommands } from '../engine/commands/foldCommands';\nexport const f = foldCommands;";
    expect(await restricted('src/machines/example.ts', code)).toHaveLength(1);
  });

  it("the page may import the worker protocol's types, not the worker's code", async () => {
    const code = [
      "import type { ToWorker } from '../../worker/protocol';",
      "import { createEngineHost } from '../../worker/engineHost';",
      'export const host: ToWorker | typeof createEngineHost | null = null;',
    ].join('\n');
    const messages = await restricted('src/ui/views/example.ts', code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/engineHost/);
  });

  it('imports along the arrow pass', async () => {
    const code = "import { tierNames } from '../../engine/tiers/tierNames';\nexport const t = tierNames;";
    expect(await restricted('src/state/example.ts', code)).toEqual([]);
  });
});
