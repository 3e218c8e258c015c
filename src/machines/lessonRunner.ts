import { and, assign, setup } from 'xstate';

export interface LessonRunnerContext {
  stepCount: number;
  stepIndex: number;
  /** The choice the student picked for this step's prediction, or null before answering. */
  answer: number | null;
  /**
   * The step's goal is reached: met now, or met earlier in this attempt since the step began (the
   * session says which; a rewind to before that moment takes it back).
   */
  goalMet: boolean;
  /** "Show me" applied this step's solution. */
  shownSolution: boolean;
  /** Saved progress said the lesson was finished (read once, at start). */
  resumeFinished: boolean;
}

export interface LessonRunnerInput {
  stepCount: number;
  /** Where saved progress left off. */
  stepIndex?: number;
  /** The lesson was finished: open it as a sandbox. */
  finished?: boolean;
}

export type LessonRunnerEvent =
  | { type: 'prediction.answer'; choice: number }
  /** Whether the step's goal is reached, from the latest metrics and the attempt's marks. */
  | { type: 'goal.update'; met: boolean }
  | { type: 'solution.show' }
  | { type: 'step.next' }
  | { type: 'step.back' }
  /** Starts the step over (the session rewinds the run to the step's start): its prediction is asked again. */
  | { type: 'step.reset' }
  | { type: 'lesson.restart' };

const freshStep = { answer: null, goalMet: false, shownSolution: false } as const;

/**
 * A student's way through one lesson: the step they are on, whether they answered its prediction,
 * whether its goal is reached, whether they asked to be shown; and after the last step, a sandbox. Next
 * opens while the step's goal is reached (by the student or by "show me"); back is always open.
 */
export const lessonRunnerMachine = setup({
  types: {
    context: {} as LessonRunnerContext,
    events: {} as LessonRunnerEvent,
    input: {} as LessonRunnerInput,
  },
  guards: {
    startsFinished: ({ context }) => context.resumeFinished && context.stepCount > 0,
    stepDone: ({ context }) => context.goalMet,
    isLastStep: ({ context }) => context.stepIndex === context.stepCount - 1,
    hasPrevious: ({ context }) => context.stepIndex > 0,
  },
}).createMachine({
  id: 'lessonRunner',
  context: ({ input }) => {
    const stepCount = Math.max(0, Math.floor(input.stepCount));
    const last = Math.max(0, stepCount - 1);
    const stepIndex = Math.min(last, Math.max(0, Math.floor(input.stepIndex ?? 0)));
    return {
      stepCount,
      stepIndex,
      resumeFinished: input.finished ?? false,
      ...freshStep,
    };
  },
  initial: 'starting',
  states: {
    starting: {
      always: [{ guard: 'startsFinished', target: 'sandbox' }, { target: 'step' }],
    },
    step: {
      on: {
        'prediction.answer': {
          guard: ({ context, event }) => context.answer === null && event.choice >= 0,
          actions: assign({ answer: ({ event }) => event.choice }),
        },
        'goal.update': { actions: assign({ goalMet: ({ event }) => event.met }) },
        'solution.show': { actions: assign({ shownSolution: true }) },
        'step.next': [
          { guard: and(['stepDone', 'isLastStep']), target: 'sandbox' },
          {
            guard: 'stepDone',
            actions: assign({ stepIndex: ({ context }) => context.stepIndex + 1, ...freshStep }),
          },
        ],
        'step.back': {
          guard: 'hasPrevious',
          actions: assign({ stepIndex: ({ context }) => context.stepIndex - 1, ...freshStep }),
        },
        'step.reset': { actions: assign({ ...freshStep }) },
      },
    },
    sandbox: {
      on: {
        'step.back': {
          target: 'step',
          actions: assign({ stepIndex: ({ context }) => context.stepCount - 1, ...freshStep }),
        },
        'lesson.restart': { target: 'step', actions: assign({ stepIndex: 0, ...freshStep }) },
      },
    },
  },
});
