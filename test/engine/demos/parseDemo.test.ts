import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/engine/inputError';
import { parseDemo } from '../../../src/engine/demos/index';

const ttl = readFileSync('demos/01-ttl-freshness.md', 'utf8');

/** The problems of a demo that must not parse, so each test can name the one it expects. */
function problemsOf(text: string, file = 'demos/09-broken.md'): string[] {
  try {
    parseDemo(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(new RegExp(`^${file} is not a valid demo`));
    return [...(error as InputError).problems];
  }
  throw new Error('the demo parsed');
}

describe('parseDemo', () => {
  it('reads a demo: its preset as a scenario, its notes, and each beat with caption, moment, commands and expectation', () => {
    const demo = parseDemo(ttl, 'demos/01-ttl-freshness.md');
    expect(demo).toMatchObject({ id: '01-ttl-freshness', number: 1, preset: 'ttl-freshness' });
    expect(demo.scenario.durationMs).toBe(40000);
    expect(demo.notes).toMatch(/^A price list/);
    expect(demo.beats[1]).toMatchObject({
      title: 'Shorten the TTL to 1 second',
      atMs: 10000,
      commands: [{ type: 'tier.configure', tier: 'distributed', changes: { ttl: { seconds: 1 } } }],
    });
    expect(demo.beats[1].caption).toMatch(/^Now no copy lives longer/);
    expect(demo.beats[4].expect).toBeNull();
  });

  it('names the file, the beat and the field of a misspelt metric, and suggests the right one', () => {
    const problems = problemsOf(ttl.replace('metric: tier.expiredMisses', 'metric: tier.expiredMises'));
    expect(problems).toEqual([
      expect.stringMatching(
        /^beats\[1\] "Shorten the TTL to 1 second" \(line \d+\): expect\.all\[1\]\.metric: expected one of .* got "tier\.expiredMises" \(did you mean "tier\.expiredMisses"\?\)$/,
      ),
    ]);
  });

  it('names a misspelt field of a beat block, and a command the scenario cannot run', () => {
    const problems = problemsOf(
      ttl
        .replace('atMs: 20000', 'atMS: 20000')
        .replace(
          '{ type: policies.set, changes: { write: write-around-invalidate } }',
          '{ type: node.fail, node: 9 }',
        ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^beats\[2\] "The price of freshness" \(line \d+\): atMS: unknown field \(did you mean "atMs"\?\)/,
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^beats\[3\] "Invalidate on write instead" \(line \d+\): commands\[0\]\.node: /),
    );
  });

  it('wants moments in order and within the run, and windows that fit their beat', () => {
    expect(problemsOf(ttl.replace('atMs: 20000', 'atMs: 9000'))).toEqual([
      expect.stringMatching(
        /^beats\[2\] "The price of freshness" \(line \d+\): atMs: expected a moment after the previous beat's \(10000\), got 9000$/,
      ),
    ]);
    expect(problemsOf(ttl.replace('atMs: 36000', 'atMs: 40000'))).toContainEqual(
      expect.stringMatching(
        /^beats\[4\] "What to take away" \(line \d+\): atMs: expected a moment before the run's end \(durationMs 40000\), got 40000$/,
      ),
    );
    expect(
      problemsOf(ttl.replace('below: 0.8, window: { lastMs: 4000 }', 'below: 0.8, window: { lastMs: 7000 }')),
    ).toEqual([
      expect.stringMatching(
        /^beats\[2\] "The price of freshness" \(line \d+\): expect\.all\[0\]\.window\.lastMs: expected at most the beat's length \(6000 ms, until the next beat\), got 7000$/,
      ),
    ]);
  });

  it('wants a caption short enough to read from the back of a room, and a beat block per beat', () => {
    const long = ttl.replace('Watch **Stale reads** climb.', 'Watch. '.repeat(60));
    expect(problemsOf(long)).toEqual([
      expect.stringMatching(
        /^beats\[0\] "A 30 second TTL" \(line \d+\): caption: expected at most 320 characters/,
      ),
    ]);
    const noBlock = ttl.replace(/```beat\natMs: 36000\n```/, '');
    expect(problemsOf(noBlock)).toEqual([
      expect.stringMatching(
        /^beats\[4\] "What to take away" \(line \d+\): expected exactly one ```beat block of YAML, found 0$/,
      ),
    ]);
  });

  it('names an unknown preset with a suggestion, and YAML that does not parse with its line', () => {
    expect(problemsOf(ttl.replace('preset: ttl-freshness', 'preset: ttl-freshnes'))).toEqual([
      expect.stringMatching(
        /^scenario\.preset: expected one of .*got "ttl-freshnes" \(did you mean "ttl-freshness"\?\)$/,
      ),
    ]);
    expect(problemsOf(ttl.replace('atMs: 10000', 'atMs: [10000'))).toContainEqual(
      expect.stringMatching(
        /^beats\[1\] "Shorten the TTL to 1 second" \(line \d+\): beat block, line \d+, column \d+: not valid YAML/,
      ),
    );
  });
});
