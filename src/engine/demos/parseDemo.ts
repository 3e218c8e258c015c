import { InputError } from '../inputError';
import { settingProblem } from '../lessons/goalSettings';
import { readBlock, readFileHead } from '../lessons/readMarkdownFile';
import type { Command } from '../scenario/commandSchema';
import { parseCommands } from '../scenario/parseScenario';
import type { Scenario } from '../scenario/schema';
import type { Demo, DemoBeat } from './demo';
import { beatBlockSchema, demoFrontMatterSchema } from './demoSchema';

/** Longer captions cannot be read from the back of a room: the rest belongs in the notes. */
export const maxCaptionChars = 320;
export const maxBeats = 12;

/**
 * Reads a demo file, in the lessons' format: YAML front matter, notes for the instructor, then one
 * `## ` section per beat, its caption and a ```beat block of YAML. Everything is checked: the
 * format, the preset and changes (as a scenario), every command (against that scenario), moments in
 * order within the run, expectation windows that fit their beat.
 *
 * @param file the file's name as the author knows it (`demos/01-ttl-freshness.md`); messages start with it.
 * @throws InputError listing every problem, each naming the beat, the field and what was expected.
 */
export function parseDemo(text: string, file: string): Demo {
  const problems: string[] = [];
  const { baseName, number, parts, frontMatter, scenario } = readFileHead(
    text,
    file,
    {
      example: '01-ttl-freshness.md',
      words: { block: 'beat', list: 'beats' },
      schema: demoFrontMatterSchema,
    },
    problems,
  );
  if (parts.sections.length > maxBeats) {
    problems.push(`beats: expected at most ${maxBeats} beats, got ${parts.sections.length}`);
  }

  const beats: DemoBeat[] = [];
  parts.sections.forEach((section, index) => {
    if (section.stepYaml === null) return;
    const where = `beats[${index}] "${section.title}" (line ${section.line})`;
    const beatProblems: string[] = [];
    if (section.prose === '')
      beatProblems.push('caption: expected the text to show, between the "## " title and the ```beat block');
    else if (section.prose.length > maxCaptionChars) {
      beatProblems.push(
        `caption: expected at most ${maxCaptionChars} characters (it is read from the back of a room), got ${section.prose.length}; put the rest in the notes before the first beat`,
      );
    }
    const beat = readBlock(section.stepYaml, section.stepLine, 'beat block', beatBlockSchema, beatProblems);
    if (beat) {
      const previous = beats[beats.length - 1];
      if (previous && beats.length === index && beat.atMs <= previous.atMs) {
        beatProblems.push(
          `atMs: expected a moment after the previous beat's (${previous.atMs}), got ${beat.atMs}`,
        );
      }
      if (scenario && beat.atMs >= scenario.durationMs) {
        beatProblems.push(
          `atMs: expected a moment before the run's end (durationMs ${scenario.durationMs}), got ${beat.atMs}`,
        );
      }
      beat.expect?.all.forEach((check, j) => {
        const problem =
          check.setting !== undefined && scenario ? settingProblem(scenario, check.setting, check.is!) : null;
        if (problem) beatProblems.push(`expect.all[${j}].setting: ${problem}`);
      });
      beats.push({
        title: section.title,
        caption: section.prose,
        atMs: beat.atMs,
        commands: scenario ? readCommands(beat.commands, beat.atMs, scenario, beatProblems) : [],
        expect: beat.expect ?? null,
        line: section.line,
      });
    }
    problems.push(...beatProblems.map((problem) => `${where}: ${problem}`));
  });

  if (scenario) problems.push(...windowProblems(beats, parts.sections.length, scenario));
  if (problems.length > 0 || !frontMatter || !scenario || number === null) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    throw new InputError(`${file} is not a valid demo (${count}):`, problems);
  }
  return {
    id: baseName.replace(/\.md$/, ''),
    file,
    number,
    title: frontMatter.title,
    minutes: frontMatter.minutes,
    preset: frontMatter.scenario.preset as Demo['preset'],
    scenario,
    notes: parts.intro,
    beats,
  };
}

/** An expectation's window must fit in its beat, which ends where the next begins (or the run ends). */
function windowProblems(beats: DemoBeat[], sectionCount: number, scenario: Scenario): string[] {
  // A beat broken or out of order is named already: its neighbours' lengths mean nothing yet.
  if (beats.length !== sectionCount || beats.some((beat, i) => i > 0 && beat.atMs <= beats[i - 1].atMs))
    return [];
  return beats.flatMap((beat, index) => {
    const endMs = beats[index + 1]?.atMs ?? scenario.durationMs;
    const spanMs = endMs - beat.atMs;
    return (beat.expect?.all ?? []).flatMap((check, j) =>
      check.window && check.window.lastMs > spanMs
        ? [
            `beats[${index}] "${beat.title}" (line ${beat.line}): expect.all[${j}].window.lastMs: expected at most the beat's length (${spanMs} ms, until ${index + 1 < beats.length ? 'the next beat' : 'the run ends'}), got ${check.window.lastMs}`,
          ]
        : [],
    );
  });
}

function readCommands(commands: unknown[], atMs: number, scenario: Scenario, problems: string[]): Command[] {
  try {
    const timed = parseCommands(
      commands.map((command) => ({ atMs, command })),
      scenario,
      'commands',
    );
    return timed.map((t) => t.command);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(
      ...error.problems.map((problem) => problem.replace(/^commands\[(\d+)\]\.command/, 'commands[$1]')),
    );
    return [];
  }
}
