import { describe, expect, it } from 'vitest';
import {
  LessonProgress,
  progressStorageKey,
  type ProgressStorage,
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

const saved = { step: 2, completed: [0, 1], finished: false, answers: { 0: 1 } };

describe('LessonProgress', () => {
  it('keeps progress by lesson id across a reload (a new store on the same storage)', () => {
    const storage = memoryStorage();
    new LessonProgress(storage).save('01-hits-and-misses', saved);
    expect(new LessonProgress(storage).get('01-hits-and-misses')).toEqual({ ...saved, answers: { '0': 1 } });
  });

  it.each([
    ['text that is not JSON', '{not json'],
    ['another version', JSON.stringify({ version: 99, lessons: { a: saved } })],
    ['a list', '[1,2,3]'],
    ['lessons that are not an object', JSON.stringify({ version: 1, lessons: 'x' })],
  ])('starts empty from %s', (_what, stored) => {
    expect(new LessonProgress(memoryStorage(stored)).lessons).toEqual({});
  });

  it('drops only the entries that are damaged', () => {
    const stored = JSON.stringify({
      version: 1,
      lessons: { good: saved, bad: { step: -3, completed: 'x' } },
    });
    const progress = new LessonProgress(memoryStorage(stored));
    expect(Object.keys(progress.lessons)).toEqual(['good']);
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
    expect(JSON.parse(storage.value!)).toEqual({ version: 1, lessons: {} });
    expect(progressStorageKey).toBe('cachescope.lessonProgress');
  });
});
