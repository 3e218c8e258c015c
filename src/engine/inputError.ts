/**
 * A mistake in what a person gave us (a scenario, a trace, a command, a lesson, a share link), as
 * opposed to a bug. Its message names the field or line and what was expected; callers show it
 * as it is (the CLI exits with status 2 and no stack trace, the app shows it beside the input).
 */
export class InputError extends Error {
  /** Each problem on its own, e.g. `topology.cdn.ttl.seconds: expected a number >= 0, got -1`. */
  readonly problems: readonly string[];

  constructor(summary: string, problems: readonly string[] = []) {
    super(problems.length > 0 ? `${summary}\n${problems.map((p) => `  - ${p}`).join('\n')}` : summary);
    this.name = 'InputError';
    this.problems = problems;
  }
}

/**
 * The same mistake with where it was found in front, such as a file's name, for a person who gave
 * several: `flash.json: topology.cdn.ttl.seconds: …`, its problems kept.
 */
export function inputErrorFrom(source: string, error: InputError): InputError {
  const [summary] = error.message.split('\n');
  return new InputError(`${source}: ${summary}`, error.problems);
}
