import type { StepTotals } from '../engine/lessons/evaluateGoal';
import type { SeriesRow } from '../engine/metrics/types';
import type { TimedCommand } from '../engine/scenario/commandSchema';
import { readSavedLesson } from './readSavedLesson';

/** Where progress is kept in the browser, and the shape's version (another version is ignored). */
export const progressStorageKey = 'cachescope.lessonProgress';
export const progressVersion = 2;

/** A moment of a run: a simulated time, and how many commands of the log had applied by then. */
export interface Moment {
  atMs: number;
  commands: number;
}

/**
 * What a step's goal counts from, as the run stood when the step began: the run totals and the
 * bucket in progress then (see GoalContext). Kept with the mark so that a reload that resumes later
 * in the step counts the goal from the same start without replaying the run twice.
 */
export interface StepBaseline {
  atStepStart: StepTotals;
  openBucketAtStart: SeriesRow[];
}

/** Where a step began. */
export interface StepMark extends Moment {
  baseline: StepBaseline;
}

/**
 * A lesson attempt is a run: the lesson's scenario, the command log, the mark where each step
 * began and the moment each step's goal was first met; and the moment the student was at.
 */
export interface SavedAttempt {
  /** A fingerprint of the scenario the attempt ran: an attempt on a changed lesson is not replayed. */
  scenario: string;
  commands: TimedCommand[];
  /** starts[i]: where step i began, for the steps up to the current one. */
  starts: StepMark[];
  /** reached[i]: where step i's goal was first met in this attempt, or null before then. */
  reached: (Moment | null)[];
  /** Where the student was when the attempt was last saved. */
  at: Moment;
}

/** One lesson's progress: the step the student is on, the answers given, and the attempt. */
export interface SavedLesson {
  step: number;
  finished: boolean;
  /** Prediction answers by step index. */
  answers: Record<number, number>;
  attempt: SavedAttempt | null;
}

/** The minimum of the Web Storage API this needs; tests pass a Map-backed fake. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Lesson progress, saved in the browser by lesson id so that it survives a reload, with the lesson
 * that was open. Stored data that is corrupt, from another version or written by hand is ignored
 * (lesson by lesson where possible) with a notice, never trusted: the worst a damaged store can do
 * is forget progress.
 */
export class LessonProgress {
  lessons = $state<Record<string, SavedLesson>>({});
  /** The lesson open when the page was left: a reload resumes it. */
  openLesson = $state<string | null>(null);
  /** Nothing was stored: the person has not been here before (or has cleared the site's data). */
  readonly firstVisit: boolean;
  /** The person turned down the offer of lesson 1, or took it. */
  welcomed = $state(false);
  /** Said once in the lesson list when stored progress had to be ignored; null otherwise. */
  notice = $state<string | null>(null);

  constructor(private readonly storage: ProgressStorage | null = defaultStorage()) {
    const stored = read(storage);
    this.lessons = stored.lessons;
    this.openLesson = stored.open;
    this.welcomed = stored.welcomed;
    this.notice = stored.notice;
    this.firstVisit = stored.empty;
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

  /** Remembers which lesson is open (null: none), so that a reload reopens it. */
  setOpen(id: string | null): void {
    if (this.openLesson === id) return;
    this.openLesson = id;
    this.write();
  }

  welcome(): void {
    this.welcomed = true;
    this.write();
  }

  private write(): void {
    try {
      this.storage?.setItem(
        progressStorageKey,
        JSON.stringify({
          version: progressVersion,
          lessons: this.lessons,
          open: this.openLesson,
          welcomed: this.welcomed,
        }),
      );
    } catch {
      // Storage full or forbidden (private browsing): progress lives for this visit only.
    }
  }
}

interface Stored {
  lessons: Record<string, SavedLesson>;
  open: string | null;
  welcomed: boolean;
  notice: string | null;
  empty: boolean;
}

const ignoredAll =
  'Saved lesson progress could not be read (it is damaged) and was ignored: lessons start afresh.';

function read(storage: ProgressStorage | null): Stored {
  const none: Stored = { lessons: {}, open: null, welcomed: false, notice: null, empty: false };
  let text: string | null;
  try {
    text = storage?.getItem(progressStorageKey) ?? null;
  } catch {
    return none;
  }
  if (text === null) return { ...none, empty: true };
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return { ...none, notice: ignoredAll };
  }
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored))
    return { ...none, notice: ignoredAll };
  const { version, lessons, open, welcomed } = stored as Record<string, unknown>;
  if (version !== progressVersion) {
    return {
      ...none,
      notice: 'Saved lesson progress from another version of Cachescope was ignored: lessons start afresh.',
    };
  }
  if (lessons === null || typeof lessons !== 'object') return { ...none, notice: ignoredAll };
  const out: Record<string, SavedLesson> = {};
  const damaged: string[] = [];
  for (const [id, value] of Object.entries(lessons)) {
    const lesson = readSavedLesson(value);
    if (lesson) out[id] = lesson;
    else damaged.push(id);
  }
  return {
    lessons: out,
    open: typeof open === 'string' && open in out ? open : null,
    welcomed: welcomed === true,
    notice:
      damaged.length > 0
        ? `Saved progress of ${damaged.map((id) => `"${id}"`).join(', ')} could not be read and was ignored.`
        : null,
    empty: false,
  };
}

function defaultStorage(): ProgressStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
