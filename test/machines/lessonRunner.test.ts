import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { lessonRunnerMachine, type LessonRunnerInput } from '../../src/machines/index';

function start(input: LessonRunnerInput) {
  return createActor(lessonRunnerMachine, { input }).start();
}

describe('lessonRunner', () => {
  it('keeps next closed until the step goal has been met, then moves on with a fresh step', () => {
    const actor = start({ stepCount: 3 });
    actor.send({ type: 'prediction.answer', choice: 1 });
    actor.send({ type: 'step.next' });
    expect(actor.getSnapshot().context.stepIndex).toBe(0);
    actor.send({ type: 'goal.update', met: true });
    actor.send({ type: 'step.next' });
    expect(actor.getSnapshot().context).toMatchObject({
      stepIndex: 1,
      answer: null,
      goalMet: false,
    });
  });

  it('closes next again when the session says the goal is no longer reached (a rewind before it)', () => {
    const actor = start({ stepCount: 2 });
    actor.send({ type: 'goal.update', met: true });
    actor.send({ type: 'goal.update', met: false });
    actor.send({ type: 'step.next' });
    expect(actor.getSnapshot().context).toMatchObject({ stepIndex: 0, goalMet: false });
  });

  it('takes the first answer to a prediction and ignores later clicks', () => {
    const actor = start({ stepCount: 1 });
    actor.send({ type: 'prediction.answer', choice: 2 });
    actor.send({ type: 'prediction.answer', choice: 0 });
    expect(actor.getSnapshot().context.answer).toBe(2);
  });

  it('opens the lesson as a sandbox after the last step, and goes back to it from there', () => {
    const actor = start({ stepCount: 2, stepIndex: 1 });
    actor.send({ type: 'solution.show' });
    actor.send({ type: 'goal.update', met: true });
    expect(actor.getSnapshot().context.shownSolution).toBe(true);
    actor.send({ type: 'step.next' });
    expect(actor.getSnapshot().value).toBe('sandbox');
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().value).toBe('step');
    expect(actor.getSnapshot().context.stepIndex).toBe(1);
  });

  it('resets a step: the prediction is asked again, show-me forgotten, next closed', () => {
    const actor = start({ stepCount: 2 });
    actor.send({ type: 'prediction.answer', choice: 0 });
    actor.send({ type: 'solution.show' });
    actor.send({ type: 'goal.update', met: true });
    actor.send({ type: 'step.reset' });
    expect(actor.getSnapshot().context).toMatchObject({
      answer: null,
      shownSolution: false,
      goalMet: false,
    });
    actor.send({ type: 'step.next' });
    expect(actor.getSnapshot().context.stepIndex).toBe(0);
  });

  it('resumes saved progress, clamping what does not fit the lesson', () => {
    expect(start({ stepCount: 3, stepIndex: 7 }).getSnapshot().context).toMatchObject({
      stepIndex: 2,
      goalMet: false,
    });
    expect(start({ stepCount: 3, finished: true }).getSnapshot().value).toBe('sandbox');
    const restarted = start({ stepCount: 3, finished: true });
    restarted.send({ type: 'lesson.restart' });
    expect(restarted.getSnapshot().context).toMatchObject({ stepIndex: 0, goalMet: false });
  });

  it('goes back a step but not before the first', () => {
    const actor = start({ stepCount: 3, stepIndex: 1 });
    actor.send({ type: 'step.back' });
    actor.send({ type: 'step.back' });
    expect(actor.getSnapshot().context.stepIndex).toBe(0);
  });
});
