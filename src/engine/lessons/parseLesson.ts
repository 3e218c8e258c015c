import { parse as parseYaml, YAMLError } from 'yaml';
import { InputError } from '../inputError';
import { yamlWords } from '../input/inputWords';
import { parseWithSchema } from '../input/parseWithSchema';
import { suggest } from '../input/suggest';
import type { Command } from '../scenario/commandSchema';
import { parseCommands, parseScenario } from '../scenario/parseScenario';
import { isPresetName, presetInputs, presetNames } from '../scenario/presets/index';
import type { Scenario } from '../scenario/schema';
import { settingProblem } from './goalSettings';
import type { Lesson, LessonStep } from './lesson';
import { frontMatterSchema, stepBlockSchema, type FrontMatter } from './lessonSchema';
import { mergeDeep } from './mergeDeep';
import { splitLesson } from './splitLesson';

const fileNamePattern = /^(\d+)-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

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
  const baseName = file.split('/').pop() ?? file;
  const nameMatch = fileNamePattern.exec(baseName);
  if (!nameMatch) {
    problems.push(
      `file name: expected a number, a dash and lower-case words, ending in .md (such as 01-hits-and-misses.md), got "${baseName}"`,
    );
  }
  const parts = splitLesson(text);
  problems.push(...parts.problems);

  const front = readYaml(parts.frontMatter, parts.frontMatterLine, 'front matter', problems);
  let frontMatter: FrontMatter | null = null;
  if (front.ok) {
    const result = parseWithSchema(frontMatterSchema, front.value ?? {}, yamlWords);
    if (result.ok) frontMatter = result.data;
    else problems.push(...result.problems);
  }
  const scenario = frontMatter ? startingScenario(frontMatter, problems) : null;

  const steps: LessonStep[] = [];
  parts.sections.forEach((section, index) => {
    if (section.stepYaml === null) return;
    const where = `steps[${index}] "${section.title}" (line ${section.line})`;
    const stepProblems: string[] = [];
    const block = readYaml(section.stepYaml, section.stepLine, 'step block', stepProblems);
    if (block.ok) {
      const result = parseWithSchema(stepBlockSchema, block.value ?? {}, yamlWords);
      if (!result.ok) stepProblems.push(...result.problems);
      else {
        const step = result.data;
        step.goal.all.forEach((check, j) => {
          const problem =
            check.setting !== undefined && scenario
              ? settingProblem(scenario, check.setting, check.is!)
              : null;
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
  if (problems.length > 0 || !frontMatter || !scenario) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    throw new InputError(`${file} is not a valid lesson (${count}):`, problems);
  }
  return {
    id: baseName.replace(/\.md$/, ''),
    file,
    number: Number(nameMatch![1]),
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

/** YAML text as a value, or a problem naming the line and column (also read by parseDemo). */
export function readYaml(
  text: string,
  firstLine: number,
  what: string,
  problems: string[],
): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parseYaml(text) };
  } catch (error) {
    if (!(error instanceof YAMLError)) throw error;
    const at = error.linePos?.[0];
    const where = at ? `line ${firstLine + at.line - 1}, column ${at.col}` : `line ${firstLine}`;
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    problems.push(`${what}, ${where}: not valid YAML: ${reason}`);
    return { ok: false };
  }
}

/** The preset with its changes, validated; problems name the preset (also read by parseDemo). */
export function startingScenario(front: Pick<FrontMatter, 'scenario'>, problems: string[]): Scenario | null {
  const { preset, changes } = front.scenario;
  if (!isPresetName(preset)) {
    problems.push(
      `scenario.preset: expected one of ${presetNames.join(', ')}, got "${preset}"${suggest(preset, presetNames)}`,
    );
    return null;
  }
  try {
    return parseScenario(mergeDeep(presetInputs[preset], changes));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(
      ...error.problems.map((problem) => `scenario (preset "${preset}" with changes): ${problem}`),
    );
    return null;
  }
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
