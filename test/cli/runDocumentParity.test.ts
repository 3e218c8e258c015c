import { describe, expect, it } from 'vitest';
import { main, type SimIo } from '../../src/cli/simMain';
import { EngineHost } from '../../src/worker/engineHost';
import { engineParts } from '../../src/worker/engineParts';
import type { FromWorker } from '../../src/worker/protocol';

/**
 * The browser (Open run file…, share links) and the CLI (--scenario FILE, --commands FILE) read the
 * same documents through one parser: each document below is accepted by both or refused by both,
 * with the same problems named.
 */
const scenario = { version: 1, name: 'Tiny', seed: 3, durationMs: 2000, workload: { ratePerSecond: 50 } };
const fail = { atMs: 500, command: { type: 'database.fail' } };

const documents: { name: string; document: unknown; accepted: boolean; problem?: string }[] = [
  { name: 'a bare scenario', document: scenario, accepted: true },
  { name: 'an exported run', document: { scenario, commands: [fail] }, accepted: true },
  {
    name: 'a run with the moment it was exported',
    document: { scenario, commands: [], atMs: 1500 },
    accepted: true,
  },
  {
    name: 'a run with an unknown top-level field',
    document: { scenario, commands: [], note: 'mine' },
    accepted: false,
    problem: 'note: unknown field; expected only "scenario", "commands", "atMs" and "trace"',
  },
  {
    name: 'a run with a misspelt field',
    document: { scenario, comands: [] },
    accepted: false,
    problem: 'comands: unknown field (did you mean "commands"?)',
  },
  {
    name: 'a run without its commands',
    document: { scenario },
    accepted: false,
    problem: 'commands: expected a list',
  },
  {
    name: 'a run exported after its end',
    document: { scenario, commands: [], atMs: 9000 },
    accepted: false,
    problem:
      'atMs: expected the simulated time the run was exported at, from 0 to its durationMs (2,000), got 9000',
  },
  {
    name: 'a run whose moment is not a number',
    document: { scenario, commands: [], atMs: 'soon' },
    accepted: false,
    problem: 'atMs: expected the simulated time',
  },
  {
    name: 'a run with a bad scenario',
    document: { scenario: { ...scenario, seed: -1 }, commands: [] },
    accepted: false,
    problem: 'scenario.seed: expected a whole number >= 0, got -1',
  },
  {
    name: 'a run with commands out of time order',
    document: { scenario, commands: [fail, { atMs: 100, command: { type: 'database.recover' } }] },
    accepted: false,
    problem: "commands[1].atMs: expected a time >= the previous command's (500), got 100",
  },
  {
    name: 'a scenario with an unknown field',
    document: { ...scenario, colour: 'blue' },
    accepted: false,
    problem: 'colour',
  },
  { name: 'a list', document: [], accepted: false, problem: 'expected an object' },
  { name: 'null', document: null, accepted: false, problem: 'expected an object' },
];

/** What the browser's worker does with the text: loads the run, or answers with an error. */
function openInBrowser(text: string): { accepted: boolean; problems: string[] } {
  const posted: FromWorker[] = [];
  const host = new EngineHost({
    ...engineParts,
    post: (message) => posted.push(message),
    wallMs: () => 0,
  });
  host.handle({ type: 'import', text, source: 'file' });
  const error = posted.find((m) => m.type === 'error');
  if (error?.type === 'error') return { accepted: false, problems: error.problems };
  expect(posted[0]?.type).toBe('loaded');
  return { accepted: true, problems: [] };
}

/** What `npm run sim -- --scenario FILE` does with the same file. */
async function openInCli(text: string): Promise<{ accepted: boolean; stderr: string }> {
  let stderr = '';
  const io: SimIo = {
    stdout: () => {},
    stderr: (chunk) => void (stderr += chunk),
    readFile: async () => text,
    writeFile: async () => {},
  };
  const status = await main(['--scenario', 'run.json', '--json'], io);
  expect(status === 0 || status === 2, stderr).toBe(true);
  return { accepted: status === 0, stderr };
}

describe('run documents: the browser and the CLI accept and refuse the same', () => {
  for (const { name, document, accepted, problem } of documents) {
    it(`${accepted ? 'accepts' : 'refuses'} ${name} in both`, async () => {
      const text = JSON.stringify(document);
      const browser = openInBrowser(text);
      const cli = await openInCli(text);
      expect({ browser: browser.accepted, cli: cli.accepted }).toEqual({ browser: accepted, cli: accepted });
      if (problem) {
        expect(browser.problems.join('\n')).toContain(problem);
        expect(cli.stderr).toContain(problem);
        // Every problem the browser names, the CLI names too.
        for (const each of browser.problems) expect(cli.stderr).toContain(each);
      }
    });
  }

  it('refuses text that is not JSON in both, naming line and column', async () => {
    const browser = openInBrowser('{ "scenario": ');
    const cli = await openInCli('{ "scenario": ');
    expect(browser.accepted || cli.accepted).toBe(false);
    expect(browser.problems[0]).toMatch(/^line 1, column 15/);
    expect(cli.stderr).toContain(browser.problems[0]);
  });
});
