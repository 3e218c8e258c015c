import { describe, expect, it } from 'vitest';
import { timelineMarks } from '../../../src/ui/timeline/timelineMarks';

describe('the timeline of a run with many commands', () => {
  const commands = Array.from({ length: 30_000 }, (_, i) => ({
    atMs: i * 2,
    command: { type: 'database.slow' as const, factor: 1 + (i % 5) },
  }));
  const marks = timelineMarks({ faults: [], commands, branch: [], bookmarks: [], durationMs: 60_000 });

  it('shares a mark per stretch of the run instead of drawing 30,000 buttons', () => {
    expect(marks.length).toBeLessThanOrEqual(240);
    expect(marks.length).toBeGreaterThan(100);
    expect(marks[0].name).toMatch(
      /^250 changes from 0:00 to 0:00: database back to full speed; database 2× slower; database 3× slower and 247 more$/,
    );
  });

  it('names each change on its own when there are few', () => {
    const few = timelineMarks({
      faults: [],
      commands: commands.slice(0, 3),
      branch: [],
      bookmarks: [1000],
      durationMs: 60_000,
    });
    expect(few.map((mark) => mark.kind)).toEqual(['command', 'command', 'command', 'bookmark']);
    expect(few[3].name).toBe('Bookmark at 0:01');
  });
});
