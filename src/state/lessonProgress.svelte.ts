import { z } from '../engine/zod';

/** Where progress is kept in the browser, and the shape's version (another version is ignored). */
export const progressStorageKey = 'cachescope.lessonProgress';
export const progressVersion = 1;

/** One lesson's progress: the step the student is on, the steps done, the answers given. */
export interface SavedLesson {
  step: number;
  completed: number[];
  finished: boolean;
  /** Prediction answers by step index. */
  answers: Record<number, number>;
}

const index = z.number().int().min(0).max(1000);
const savedLessonSchema = z.object({
  step: index,
  completed: z.array(index).max(1000),
  finished: z.boolean(),
  answers: z.record(z.string(), index),
});

/** The minimum of the Web Storage API this needs; tests pass a Map-backed fake. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Lesson progress, saved in the browser by lesson id so that it survives a reload. Stored data that
 * is corrupt, from another version or written by hand is ignored (lesson by lesson where possible),
 * never trusted: the worst a damaged store can do is forget progress.
 */
export class LessonProgress {
  lessons = $state<Record<string, SavedLesson>>({});

  constructor(private readonly storage: ProgressStorage | null = defaultStorage()) {
    this.lessons = read(storage);
  }

  get(id: string): SavedLesson | undefined {
    return this.lessons[id];
  }

  save(id: string, saved: SavedLesson): void {
    this.lessons = { ...this.lessons, [id]: structuredClone($state.snapshot(saved)) as SavedLesson };
    this.write();
  }

  forget(id: string): void {
    const { [id]: _gone, ...rest } = this.lessons;
    this.lessons = rest;
    this.write();
  }

  private write(): void {
    try {
      this.storage?.setItem(
        progressStorageKey,
        JSON.stringify({ version: progressVersion, lessons: this.lessons }),
      );
    } catch {
      // Storage full or forbidden (private browsing): progress lives for this visit only.
    }
  }
}

function read(storage: ProgressStorage | null): Record<string, SavedLesson> {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(progressStorageKey) ?? 'null');
  } catch {
    return {};
  }
  if (
    stored === null ||
    typeof stored !== 'object' ||
    (stored as { version?: unknown }).version !== progressVersion
  ) {
    return {};
  }
  const lessons = (stored as { lessons?: unknown }).lessons;
  if (lessons === null || typeof lessons !== 'object') return {};
  const out: Record<string, SavedLesson> = {};
  for (const [id, value] of Object.entries(lessons)) {
    const result = savedLessonSchema.safeParse(value);
    if (result.success) out[id] = result.data;
  }
  return out;
}

function defaultStorage(): ProgressStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
