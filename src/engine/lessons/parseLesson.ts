import { InputError } from '../inputError';
import type { Command } from '../scenario/commandSchema';
import { parseCommands } from '../scenario/parseScenario';
import type { Scenario } from '../scenario/schema';
import { settingProblem } from './goalSettings';
import type { Lesson, LessonStep } from './lesson';
import { frontMatterSchema, stepBlockSchema } from './lessonSchema';
import { readBlock, readFileHead } from './readMarkdownFile';

/**
 * Reads a lesson file: YAML front matter, an intro, then one `## ` section per step, each with a
 * ```step block of YAML. Everything is checked: the format, the preset and changes (as a scenario),
 * every solution command (against that scenario), one right answer per prediction, windows that fit
 * their step, and steps that fit in the run.
 *
 * @param file the file's name as the author knows it (`lessons/01-hits-and-misses.md`); messages start with it.
 * @throws InputError listing every problem, each naming where it is, the field and what was expected.
 */
export function parseLesson(text: string, file: string): Lesson {
  const problems: string[] = [];
  const { baseName, number, parts, frontMatter, scenario } = readFileHead(
    text,
    file,
    { example: '01-hits-and-misses.md', schema: frontMatterSchema },
    problems,
  );

  const steps: LessonStep[] = [];
  parts.sections.forEach((section, index) => {
    if (section.stepYaml === null) return;
    const where = `steps[${index}] "${section.title}" (line ${section.line})`;
    const stepProblems: string[] = [];
    const step = readBlock(section.stepYaml, section.stepLine, 'step block', stepBlockSchema, stepProblems);
    if (step) {
      step.goal.all.forEach((check, j) => {
        const problem =
          check.setting !== undefined && scenario ? settingProblem(scenario, check.setting, check.is!) : null;
        if (problem) stepProblems.push(`goal.all[${j}].setting: ${problem}`);
        if (check.window && check.window.lastMs > step.runMs) {
          stepProblems.push(
            `goal.all[${j}].window.lastMs: expected at most the step's runMs (${step.runMs}), got ${check.window.lastMs}; ` +
              'the window must fit in the time the step runs',
          );
        }
      });
      const solution = scenario ? readSolution(step.solution, scenario, stepProblems) : [];
      steps.push({
        title: section.title,
        prose: section.prose,
        prediction: step.prediction ?? null,
        goal: step.goal,
        hints: step.hints,
        solution,
        runMs: step.runMs,
        line: section.line,
      });
    }
    problems.push(...stepProblems.map((problem) => `${where}: ${problem}`));
  });

  if (scenario && problems.length === 0) {
    const totalMs = steps.reduce((sum, step) => sum + step.runMs, 0);
    if (totalMs > scenario.durationMs) {
      problems.push(
        `steps: the steps' runMs add up to ${totalMs}, expected at most the scenario's durationMs (${scenario.durationMs}); ` +
          'set scenario.changes.durationMs or shorten the steps',
      );
    }
  }
  if (problems.length > 0 || !frontMatter || !scenario || number === null) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    throw new InputError(`${file} is not a valid lesson (${count}):`, problems);
  }
  return {
    id: baseName.replace(/\.md$/, ''),
    file,
    number,
    title: frontMatter.title,
    level: frontMatter.level,
    minutes: frontMatter.minutes,
    objectives: frontMatter.objectives,
    preset: frontMatter.scenario.preset as Lesson['preset'],
    scenario,
    intro: parts.intro,
    steps,
  };
}

function readSolution(solution: unknown[], scenario: Scenario, problems: string[]): Command[] {
  try {
    const timed = parseCommands(
      solution.map((command) => ({ atMs: 0, command })),
      scenario,
      'solution',
    );
    return timed.map((t) => t.command);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(
      ...error.problems.map((problem) => problem.replace(/^solution\[(\d+)\]\.command/, 'solution[$1]')),
    );
    return [];
  }
}
