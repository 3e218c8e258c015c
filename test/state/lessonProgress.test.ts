import { describe, expect, it } from 'vitest';
import {
  LessonProgress,
  progressStorageKey,
  type ProgressStorage,
  type SavedAttempt,
  type SavedLesson,
} from '../../src/state/lessonProgress.svelte';

function memoryStorage(initial?: string): ProgressStorage & { value: string | null } {
  return {
    value: initial ?? null,
    getItem() {
      return this.value;
    },
    setItem(_key: string, value: string) {
      this.value = value;
    },
  };
}

const mark = {
  atMs: 4000,
  commands: 1,
  baseline: {
    atStepStart: { leaks: 0, lostWrites: 2, loggedOut: 0, cacheNodeFailures: 0 },
    openBucketAtStart: [],
  },
};
const attempt: SavedAttempt = {
  scenario: 'abc123',
  commands: [
    { atMs: 0, command: { type: 'tier.configure', tier: 'distributed', changes: { enabled: false } } },
  ],
  starts: [{ ...mark, atMs: 0, commands: 0 }, mark, { ...mark, atMs: 9000 }],
  reached: [{ atMs: 4000, commands: 1 }, null],
  at: { atMs: 11250.5, commands: 1 },
};
const saved: SavedLesson = { step: 2, finished: false, answers: { 0: 1 }, attempt };

describe('LessonProgress', () => {
  it('keeps progress and the attempt by lesson id, and the lesson open, across a reload', () => {
    const storage = memoryStorage();
    const first = new LessonProgress(storage);
    expect(first.firstVisit).toBe(true);
    first.save('01-hits-and-misses', saved);
    first.setOpen('01-hits-and-misses');
    const again = new LessonProgress(storage);
    expect(again.get('01-hits-and-misses')).toEqual({ ...saved, answers: { '0': 1 } });
    expect(again.openLesson).toBe('01-hits-and-misses');
    expect(again.firstVisit).toBe(false);
    expect(again.notice).toBeNull();
  });

  it.each([
    ['text that is not JSON', '{not json', /damaged/],
    [
      'another version',
      JSON.stringify({ version: 1, lessons: { a: { step: 1, completed: [0] } } }),
      /another version/,
    ],
    ['a list', '[1,2,3]', /damaged/],
    ['lessons that are not an object', JSON.stringify({ version: 2, lessons: 'x' }), /damaged/],
  ])('starts empty from %s, and says so', (_what, stored, said) => {
    const progress = new LessonProgress(memoryStorage(stored));
    expect(progress.lessons).toEqual({});
    expect(progress.notice).toMatch(said);
    expect(progress.firstVisit).toBe(false);
  });

  it('drops only the entries that are damaged, naming them', () => {
    const stored = JSON.stringify({
      version: 2,
      lessons: {
        good: saved,
        bad: { step: -3, completed: 'x' },
        badAttempt: { ...saved, attempt: { ...attempt, at: { atMs: -1, commands: 0 } } },
        badCommand: {
          ...saved,
          attempt: { ...attempt, commands: [{ atMs: 0, command: { type: 'explode' } }] },
        },
      },
      open: 'bad',
    });
    const progress = new LessonProgress(memoryStorage(stored));
    expect(Object.keys(progress.lessons)).toEqual(['good']);
    expect(progress.notice).toBe(
      'Saved progress of "bad", "badAttempt", "badCommand" could not be read and was ignored.',
    );
    expect(progress.openLesson).toBeNull();
  });

  it.each([
    ['a command that is not an object', { ...attempt, commands: [{ atMs: 0, command: 'purge' }] }],
    ['a command at a negative time', { ...attempt, commands: [{ ...attempt.commands[0], atMs: -1 }] }],
    ['no step marks', { ...attempt, starts: [] }],
    ['a mark without its baseline', { ...attempt, starts: [{ atMs: 0, commands: 0 }] }],
    [
      'a baseline with a fractional total',
      {
        ...attempt,
        starts: [
          {
            ...mark,
            baseline: { ...mark.baseline, atStepStart: { ...mark.baseline.atStepStart, leaks: 0.5 } },
          },
        ],
      },
    ],
    ['a fingerprint that is not text', { ...attempt, scenario: 7 }],
  ])('ignores a saved attempt with %s', (_what, damaged) => {
    const stored = JSON.stringify({ version: 2, lessons: { a: { ...saved, attempt: damaged } } });
    const progress = new LessonProgress(memoryStorage(stored));
    expect(progress.lessons).toEqual({});
    expect(progress.notice).toBe('Saved progress of "a" could not be read and was ignored.');
  });

  it('keeps what it knows of a saved lesson and drops fields it does not', () => {
    const stored = JSON.stringify({
      version: 2,
      lessons: { a: { ...saved, extra: 1, attempt: { ...attempt, at: { ...attempt.at, x: 2 } } } },
    });
    expect(new LessonProgress(memoryStorage(stored)).get('a')).toEqual({ ...saved, answers: { '0': 1 } });
  });

  it('remembers that the offer of lesson 1 was answered', () => {
    const storage = memoryStorage();
    new LessonProgress(storage).welcome();
    const again = new LessonProgress(storage);
    expect(again.welcomed).toBe(true);
    expect(again.firstVisit).toBe(false);
  });

  it('works without storage, and when storage refuses to write', () => {
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const progress = new LessonProgress(refusing);
    progress.save('x', saved);
    expect(progress.get('x')?.step).toBe(2);
    expect(new LessonProgress(null).lessons).toEqual({});
  });

  it('stores a versioned object under one key, and forgets a lesson', () => {
    const storage = memoryStorage();
    const progress = new LessonProgress(storage);
    progress.save('a', saved);
    progress.forget('a');
    expect(JSON.parse(storage.value!)).toEqual({ version: 2, lessons: {}, open: null, welcomed: false });
    expect(progressStorageKey).toBe('cachescope.lessonProgress');
  });
});
