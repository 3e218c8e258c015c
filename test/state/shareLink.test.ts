import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/engine/scenario/parseScenario';
import { decodeShareLink, encodeShareLink } from '../../src/state/shareLink';

describe('share links', () => {
  it('round-trip a run, names with accents and emoji included', () => {
    const scenario = parseScenario({ version: 1, name: 'Café ☕ rush', seed: 5 });
    const run = { scenario, commands: [{ atMs: 10, command: { type: 'database.fail' as const } }] };
    const hash = encodeShareLink(run);
    expect(hash).toMatch(/^#run=[A-Za-z0-9_-]+$/);
    expect(JSON.parse(decodeShareLink(hash)!)).toEqual(run);
  });

  it('round-trip any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const scenario = parseScenario({ version: 1 });
        const hash = encodeShareLink({ scenario: { ...scenario, name }, commands: [] });
        expect(JSON.parse(decodeShareLink(hash)!).scenario.name).toBe(name);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('say a hash without a run holds none', () => {
    expect(decodeShareLink('')).toBeNull();
    expect(decodeShareLink('#lesson=3')).toBeNull();
  });

  it('reject a damaged link with a message that says what to do', () => {
    expect(() => decodeShareLink('#run=abc$def')).toThrow(/Copy the whole link again/);
    expect(() => decodeShareLink('#run=')).toThrow(/damaged/);
    expect(() => decodeShareLink('#run=_w')).toThrow(/not text/);
  });
});
