import { describe, expect, it } from 'vitest';
import { describeCheck } from '../../../src/engine/lessons/index';
import { parseDemo, replayDemo, type Demo } from '../../../src/engine/demos/index';
import { readMarkdownFiles } from '../../support/readMarkdownFiles';

/**
 * Every demo script validates and, played headless as the player plays it (each beat's commands at
 * its moment), shows what its captions say: each beat's expectation is met at the beat's end, and
 * for a beat that changes something, the same beat without its commands does not meet it at any
 * look (every 250 ms), so the caption credits the change, not the passing of time.
 */
const demos: Demo[] = readMarkdownFiles('demos').map(({ file, text }) => parseDemo(text, file));

/** Captions are read aloud: about 130 words a minute. */
const wordsPerMinute = 130;

describe('the demo scripts', () => {
  it('cover the six topics, numbered in order from 1, each in 4 to 8 beats', () => {
    expect(demos.map((d) => d.preset)).toEqual([
      'ttl-freshness',
      'write-policies',
      'distributed-failure',
      'layered',
      'login-sessions',
      'personalised-feed',
    ]);
    expect(demos.map((d) => d.number)).toEqual(demos.map((_, i) => i + 1));
    for (const demo of demos) {
      expect(demo.beats.length, demo.file).toBeGreaterThanOrEqual(4);
      expect(demo.beats.length, demo.file).toBeLessThanOrEqual(8);
    }
  });

  it('say no fewer minutes than reading the captions aloud and the run at 1x take', () => {
    for (const demo of demos) {
      const words = demo.beats.map((b) => b.caption.split(/\s+/).length).reduce((a, b) => a + b, 0);
      const minutes = Math.ceil(words / wordsPerMinute + demo.scenario.durationMs / 60_000);
      expect(demo.minutes, `${demo.file}: ${words} words`).toBeGreaterThanOrEqual(minutes);
    }
  });

  it('name cache nodes as the app does, from 1, in the caption of a beat that fails or recovers one', () => {
    for (const demo of demos) {
      for (const beat of demo.beats) {
        expect(beat.caption, `${demo.file}: ${beat.title}`).not.toMatch(/\bnode 0\b/i);
        for (const command of beat.commands) {
          if (command.type !== 'node.fail' && command.type !== 'node.recover') continue;
          expect(beat.caption, `${demo.file}: ${beat.title}`).toContain(`node ${command.node + 1}`);
        }
      }
    }
  });

  it('give every beat that changes something an expectation, and most beats one', () => {
    for (const demo of demos) {
      for (const beat of demo.beats)
        if (beat.commands.length > 0) expect(beat.expect, `${demo.file}: ${beat.title}`).not.toBeNull();
      expect(demo.beats.filter((b) => b.expect).length, demo.file).toBeGreaterThanOrEqual(3);
    }
  });
});

describe.each(demos.map((demo) => [demo.file, demo] as const))('%s, replayed', (_, demo) => {
  const replays = replayDemo(demo);
  it.each(replays.filter((r) => r.met !== null).map((r) => [r.title, r] as const))(
    '"%s" shows what its caption says',
    (__, replay) => {
      const unmet = replay.results.filter((r) => !r.met).map((r) => `${describeCheck(r.check)}: ${r.value}`);
      expect(unmet, `at ${replay.endMs} ms`).toEqual([]);
      if (replay.triedWithoutCommands) {
        const closest = replay.closestWithoutCommands.map((r) => `${describeCheck(r.check)}: ${r.value}`);
        expect(
          replay.metWithoutCommandsAtMs,
          `met without the beat's commands; closest: ${closest.join('; ')}`,
        ).toBeNull();
      }
    },
  );
});
