import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/engine/inputError';
import { parseLesson } from '../../../src/engine/lessons/parseLesson';

/** A small valid lesson; each broken lesson below changes one thing in it. */
const good = `---
title: A tiny lesson
level: beginner
minutes: 5
objectives: [See a hit]
scenario:
  preset: basics
  changes: { durationMs: 20000 }
---

Intro text.

## Warm up

Press **Play**.

\`\`\`step
prediction:
  question: What happens?
  choices:
    - { text: Hits, correct: true, why: Items repeat. }
    - { text: Nothing }
goal:
  all:
    - { metric: tier.hitRatio, tier: distributed, above: 0.5, window: { lastMs: 5000 } }
hints: [Press Play]
solution: []
runMs: 5000
\`\`\`

## Turn it off

\`\`\`step
goal:
  all:
    - { metric: database.queriesPerSecond, above: 50, window: { lastMs: 3000 } }
solution:
  - { type: tier.configure, tier: distributed, changes: { enabled: false } }
runMs: 3000
\`\`\`
`;

const file = 'lessons/99-broken.md';

function problemsOf(text: string, name = file): string {
  try {
    parseLesson(text, name);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('the lesson was accepted');
}

describe('parseLesson', () => {
  it('reads a valid lesson: front matter, intro, steps with prose, prediction, goal, hints, solution', () => {
    const lesson = parseLesson(good, 'lessons/07-tiny.md');
    expect(lesson).toMatchObject({
      id: '07-tiny',
      number: 7,
      title: 'A tiny lesson',
      level: 'beginner',
      preset: 'basics',
    });
    expect(lesson.scenario.durationMs).toBe(20000);
    expect(lesson.scenario.workload.ratePerSecond).toBe(100); // kept from the preset
    expect(lesson.intro).toBe('Intro text.');
    expect(lesson.steps.map((s) => s.title)).toEqual(['Warm up', 'Turn it off']);
    expect(lesson.steps[0].prose).toBe('Press **Play**.');
    expect(lesson.steps[0].prediction?.choices[0].correct).toBe(true);
    expect(lesson.steps[1].solution).toEqual([
      { type: 'tier.configure', tier: 'distributed', changes: { enabled: false } },
    ]);
  });

  it('keeps a solution command to the fields it names (no defaults filled in)', () => {
    const text = good.replace('changes: { enabled: false }', 'changes: { ttl: { seconds: 5 } }');
    expect(parseLesson(text, file).steps[1].solution[0]).toEqual({
      type: 'tier.configure',
      tier: 'distributed',
      changes: { ttl: { seconds: 5 } },
    });
  });

  const broken: [string, string, (text: string) => string, RegExp][] = [
    [
      'a setting path that names nothing',
      'setting',
      (t) =>
        t.replace(
          'metric: database.queriesPerSecond, above: 50, window: { lastMs: 3000 }',
          'setting: tiers.distributed.evict, is: s3fifo',
        ),
      /steps\[1\] "Turn it off".*goal\.all\[0\]\.setting: "tiers\.distributed\.evict" names no setting: there is no "evict" there/,
    ],
    [
      'a setting compared with a value of another type',
      'is',
      (t) =>
        t.replace(
          'metric: database.queriesPerSecond, above: 50, window: { lastMs: 3000 }',
          'setting: tiers.distributed.capacity, is: big',
        ),
      /goal\.all\[0\]\.setting: expected "is" to be a number like the setting \(now \d+\), got "big"/,
    ],
    [
      'a setting with a threshold',
      'setting',
      (t) =>
        t.replace(
          'metric: database.queriesPerSecond, above: 50, window: { lastMs: 3000 }',
          'setting: policies.write, is: write-through, above: 1',
        ),
      /goal\.all\[0\]\.above: expected only "is" \(and "label"\) with a setting, got above/,
    ],
    [
      "a comparison with the step's start without a window",
      'risesBy',
      (t) => t.replace('above: 50, window: { lastMs: 3000 }', 'risesBy: 50'),
      /goal\.all\[0\]\.window: expected a window \{ lastMs: \.\.\. \}: "risesBy" compares that window with the same length of time just before the step began/,
    ],
    [
      'a missing title',
      'title',
      (t) => t.replace('title: A tiny lesson\n', ''),
      /title: expected text, got nothing/,
    ],
    [
      'bad YAML in the front matter',
      'front matter',
      (t) => t.replace('minutes: 5', 'minutes: [5'),
      /front matter, line \d+.*not valid YAML/,
    ],
    [
      'bad YAML in a step block',
      'step block',
      (t) => t.replace('runMs: 3000', 'runMs: 3000\n  - oops: ['),
      /steps\[1\] "Turn it off" \(line \d+\): step block, line \d+.*not valid YAML/,
    ],
    [
      'an unknown metric',
      'metric',
      (t) => t.replace('metric: tier.hitRatio', 'metric: tier.hitRate'),
      /steps\[0\] "Warm up".*goal\.all\[0\]\.metric: expected one of .*"tier\.hitRatio".*got "tier\.hitRate" \(did you mean "tier\.hitRatio"\?\)/,
    ],
    [
      'an unknown tier',
      'tier',
      (t) => t.replace('tier: distributed, above', 'tier: redis, above'),
      /goal\.all\[0\]\.tier: expected one of "browser", "cdn", "local", "distributed", "bufferPool", got "redis"/,
    ],
    [
      'a prediction with two right answers',
      'choices',
      (t) => t.replace('{ text: Nothing }', '{ text: Nothing, correct: true }'),
      /prediction\.choices: expected exactly one choice with correct: true, got 2/,
    ],
    [
      'a prediction with no right answer',
      'choices',
      (t) => t.replace('correct: true, ', ''),
      /prediction\.choices: expected exactly one choice with correct: true, got 0/,
    ],
    [
      'a right answer without why',
      'why',
      (t) => t.replace(', why: Items repeat.', ''),
      /prediction\.choices\[0\]\.why: expected "why"/,
    ],
    [
      'a solution command that fails the command schema',
      'solution',
      (t) => t.replace('type: tier.configure', 'type: tier.configur'),
      /steps\[1\].*solution\[0\]\.type: expected one of .*"tier\.configure"/,
    ],
    [
      'a solution naming a node that does not exist',
      'solution',
      (t) =>
        t.replace(
          '- { type: tier.configure, tier: distributed, changes: { enabled: false } }',
          '- { type: node.fail, node: 4 }',
        ),
      /solution\[0\]\.node: expected a cache node index from 0 to 0/,
    ],
    [
      'an unknown preset',
      'scenario.preset',
      (t) => t.replace('preset: basics', 'preset: basic'),
      /scenario\.preset: expected one of basics, .*got "basic" \(did you mean "basics"\?\)/,
    ],
    [
      'changes that make the scenario invalid',
      'scenario',
      (t) => t.replace('changes: { durationMs: 20000 }', 'changes: { durationMs: -1 }'),
      /scenario \(preset "basics" with changes\): durationMs: expected a number > 0, got -1/,
    ],
    [
      'a misspelt field',
      'field',
      (t) => t.replace('runMs: 5000', 'runMS: 5000'),
      /runMS: unknown field \(did you mean "runMs"\?\)/,
    ],
    [
      'a check with two comparisons',
      'comparison',
      (t) => t.replace('above: 50,', 'above: 50, below: 60,'),
      /goal\.all\[0\]\.below: expected exactly one of above, below, atLeast, atMost, risesBy, dropsBy, got above and below/,
    ],
    [
      'a ceiling with no window',
      'window',
      (t) => t.replace('above: 50, window: { lastMs: 3000 }', 'below: 50'),
      /goal\.all\[0\]\.window: expected a window \{ lastMs: \.\.\. \}/,
    ],
    [
      'a hit ratio without its tier',
      'tier',
      (t) => t.replace('tier: distributed, above: 0.5', 'above: 0.5'),
      /goal\.all\[0\]\.tier: expected the tier whose tier hit ratio to check/,
    ],
    [
      'a window longer than its step',
      'lastMs',
      (t) => t.replace('lastMs: 3000', 'lastMs: 4000'),
      /goal\.all\[0\]\.window\.lastMs: expected at most the step's runMs \(3000\), got 4000/,
    ],
    [
      'steps longer than the run',
      'runMs',
      (t) => t.replace('durationMs: 20000', 'durationMs: 6000'),
      /steps: the steps' runMs add up to 8000, expected at most the scenario's durationMs \(6000\)/,
    ],
    [
      'a section without a step block',
      'step block',
      (t) => t.replace(/## Turn it off[\s\S]*$/, '## Turn it off\n\nJust prose.\n'),
      /steps\[1\] "Turn it off" \(line \d+\): expected exactly one ```step block of YAML, found 0/,
    ],
    [
      'no front matter',
      'front matter',
      (t) => t.replace(/^---\n/, ''),
      /line 1: expected the file to open with YAML front matter/,
    ],
    [
      'an unknown level',
      'level',
      (t) => t.replace('level: beginner', 'level: expert'),
      /level: expected one of "beginner", "intermediate", "advanced", got "expert"/,
    ],
  ];

  it.each(broken)('rejects %s, naming the file and the %s', (_what, _field, breakIt, expected) => {
    const message = problemsOf(breakIt(good));
    expect(message).toContain(`${file} is not a valid lesson`);
    expect(message).toMatch(expected);
  });

  it('rejects a file name without its numeric prefix', () => {
    expect(problemsOf(good, 'lessons/tiny.md')).toMatch(
      /file name: expected a number, a dash and lower-case words/,
    );
  });

  it('reports every problem at once', () => {
    const text = good.replace('title: A tiny lesson\n', '').replace('metric: tier.hitRatio', 'metric: nope');
    expect(problemsOf(text)).toMatch(/\(2 problems\)/);
  });
});
