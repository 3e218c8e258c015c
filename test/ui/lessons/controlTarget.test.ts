// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import course from 'virtual:cachescope-lessons';
import type { Lesson, LessonStep } from '../../../src/engine/lessons/lesson';
import { foldCommands } from '../../../src/engine/commands/foldCommands';
import ControlsPanel from '../../../src/ui/controls/ControlsPanel.svelte';
import { controlTarget, revealControl } from '../../../src/ui/lessons/controlTarget';

afterEach(cleanup);

describe('controlTarget', () => {
  it('names the control of each kind of solution, in the words the controls panel shows', () => {
    expect(
      controlTarget([{ type: 'tier.configure', tier: 'distributed', changes: { eviction: 's3fifo' } }]),
    ).toEqual({
      section: 'Cache tiers',
      tier: 'distributed',
      label: 'Eviction',
      name: 'Distributed cache, Eviction',
    });
    expect(controlTarget([{ type: 'node.fail', node: 2 }])).toMatchObject({
      section: 'Faults',
      choose: { label: 'Cache node', value: '2' },
      button: 'Fail node 3',
    });
    expect(controlTarget([{ type: 'purge', tier: 'all', match: { kind: 'all' } }])).toMatchObject({
      section: 'Purge',
      label: 'Purge from',
    });
    expect(controlTarget([{ type: 'policies.set', changes: { write: 'write-through' } }])).toMatchObject({
      label: 'Write policy',
    });
    expect(controlTarget([])).toBeNull();
  });

  // Every step of the course that has a solution names a control that is on screen, so the labels a
  // step points at cannot drift away from the panel's.
  const steps = course.flatMap((lesson: Lesson) =>
    lesson.steps
      .map((step: LessonStep, i: number) => ({ lesson, step, i }))
      .filter(({ step }) => step.solution.length > 0),
  );
  it.each(steps.map((s) => [`${s.lesson.id} step ${s.i + 1}`, s] as const))(
    '%s: Take me there finds and focuses its control',
    async (_name, { lesson, step, i }) => {
      const target = controlTarget(step.solution);
      expect(target, 'the step names a control').not.toBeNull();
      const commands = lesson.steps
        .slice(0, i)
        .flatMap((s: LessonStep) => s.solution.map((command) => ({ atMs: 0, command })));
      const settings = foldCommands(lesson.scenario, commands, 0);
      render(ControlsPanel, { settings, onapply: vi.fn(), onrestart: vi.fn() });
      expect(await revealControl(target!, document, tick)).toBe(true);
      const focused = document.activeElement as HTMLInputElement;
      expect(focused.closest('details')?.open).toBe(true);
      if (target!.button) expect(focused.textContent?.trim()).toBe(target!.button);
      else
        expect(focused.labels?.[0]?.textContent).toMatch(
          new RegExp(`^${target!.label!.replace(/[()]/g, '\\$&')}`),
        );
    },
  );
});
