import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parseScenario';
import type { TimedCommand } from '../../src/engine/scenario/commandSchema';
import { AppState } from '../../src/state/appState.svelte';
import { decodeShareLink, encodeShareLink } from '../../src/state/shareLink';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

const scenario = parseScenario({ version: 1, seed: 9 });
const log: TimedCommand[] = [
  { atMs: 1000, command: { type: 'database.fail' } },
  { atMs: 5000, command: { type: 'node.fail', node: 0 } },
  { atMs: 9000, command: { type: 'node.recover', node: 0 } },
];

/** An app over a fake worker, with the run `log` loaded and seeked back (commands kept) to 3 s. */
function setup() {
  const sent: ToWorker[] = [];
  let deliver: (message: FromWorker) => void = () => {};
  const app = new AppState({ post: (m) => sent.push(m), listen: (h) => (deliver = h) });
  deliver({ type: 'loaded', scenario, commands: log, preset: null });
  app.travel(3000);
  deliver({ type: 'seeked', nowMs: 3000, commands: log });
  const posted = () => sent.filter((m) => m.type !== 'frame.ack' && m.type !== 'speed');
  sent.length = 0;
  return { app, posted, deliver: (m: FromWorker) => deliver(m) };
}

describe('timeline seeks, forks and branches', () => {
  it('seeks with the later commands kept, and while one seek runs only the newest target waits', () => {
    const { app, posted, deliver } = setup();
    app.travel(4000);
    app.travel(6000);
    app.travel(7000);
    expect(app.momentMs).toBe(7000);
    expect(posted()).toEqual([{ type: 'seek', toMs: 4000, later: 'keep' }]);
    deliver({ type: 'seeked', nowMs: 4000, commands: log });
    expect(posted()).toEqual([
      { type: 'seek', toMs: 4000, later: 'keep' },
      { type: 'seek', toMs: 7000, later: 'keep' },
    ]);
  });

  it('a change after seeking back sets the later commands aside and replays to now without them', () => {
    const { app, posted } = setup();
    const purge = { type: 'purge', tier: 'all', match: { kind: 'all' } } as const;
    app.apply(purge);
    expect(app.timeline.branch).toEqual({ atMs: 3000, prefixCount: 1, commands: log.slice(1) });
    expect(posted()).toEqual([
      { type: 'seek', toMs: 3000, commandCount: 1 },
      { type: 'command', command: purge },
    ]);
  });

  it('a change with nothing later applies as before, with no fork', () => {
    const { app, posted, deliver } = setup();
    deliver({ type: 'seeked', nowMs: 9500, commands: log });
    app.apply({ type: 'database.recover' });
    expect(app.timeline.branch).toBeNull();
    expect(posted().map((m) => m.type)).toEqual(['command']);
  });

  it('restoring loads the commands before the fork and the branch, and seeks to the fork, keeping all', () => {
    const { app, posted, deliver } = setup();
    const purge: TimedCommand = {
      atMs: 3000,
      command: { type: 'purge', tier: 'all', match: { kind: 'all' } },
    };
    app.apply(purge.command);
    deliver({ type: 'seeked', nowMs: 3000, commands: log.slice(0, 1) });
    deliver({ type: 'commands', commands: [log[0], purge] });
    const before = posted().length;
    app.restoreBranch();
    expect(posted().slice(before)).toEqual([
      { type: 'load', scenario, commands: log },
      { type: 'seek', toMs: 3000, later: 'keep' },
    ]);
    // What was done since the fork is the branch now: a second restore brings it back.
    expect(app.timeline.branch).toEqual({ atMs: 3000, prefixCount: 1, commands: [purge] });
  });

  it('a run opened with later commands (a share link) keeps them as its future when changed', () => {
    const { app, posted, deliver } = setup();
    app.openShareLink(encodeShareLink({ scenario, commands: log }));
    deliver({ type: 'loaded', scenario, commands: log, preset: null });
    app.apply({ type: 'database.recover' });
    expect(app.timeline.branch).toBeNull();
    expect(posted().at(-1)).toEqual({ type: 'command', command: { type: 'database.recover' } });
  });

  it('a new preset forgets the bookmarks and the branch', () => {
    const { app } = setup();
    app.timeline.bookmark(2000);
    app.timeline.bookmark(2000);
    expect(app.timeline.bookmarks).toEqual([2000]);
    app.apply({ type: 'database.recover' });
    app.loadPreset('basics');
    expect(app.timeline.bookmarks).toEqual([]);
    expect(app.timeline.branch).toBeNull();
  });

  it('a share link carries the moment and every command, and opens at its moment', () => {
    const { app, posted } = setup();
    const hash = app.shareHash()!;
    expect(JSON.parse(decodeShareLink(hash)!)).toEqual({ scenario, commands: log, atMs: 3000 });
    app.openShareLink(hash);
    expect(posted().at(-1)).toMatchObject({ type: 'import', source: 'share link', openAtMoment: true });
  });
});
