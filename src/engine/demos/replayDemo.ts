import { createEngine } from '../createEngine';
import type { Engine } from '../engine';
import { evaluateGoal, goalMet, openBucket, type CheckResult } from '../lessons/evaluateGoal';
import { closer, lookEveryMs } from '../lessons/replayLesson';
import type { TimedCommand } from '../scenario/commandSchema';
import { beatEndMs, type Demo, type DemoBeat } from './demo';

/** What one beat of a demo showed when the demo was played headless. */
export interface BeatReplay {
  index: number;
  title: string;
  atMs: number;
  endMs: number;
  /** The expectation at the beat's end, with its commands applied; null for a beat without one. */
  met: boolean | null;
  results: CheckResult[];
  /**
   * The first look (every 250 ms of the beat) at which the expectation was met without the beat's
   * commands: it must stay null, or the caption credits the commands with what waiting shows. Null
   * too for a beat without commands or without an expectation.
   */
  metWithoutCommandsAtMs: number | null;
  /** Whether that counter-run was tried (a beat with commands and an expectation). */
  triedWithoutCommands: boolean;
  /** Per check, the closest the counter-run came to meeting it: the margin an author keeps. */
  closestWithoutCommands: CheckResult[];
}

/**
 * Plays a demo headless as the player does: each beat's commands apply at its moment, and the run
 * goes on to the next beat. A beat's expectation is judged at its end, counted from its start; the
 * same beat without its commands (the run replayed exactly from the scenario and the earlier beats'
 * commands) is looked at every 250 ms of the beat to show that the commands, not waiting, are what
 * the caption is about.
 */
export function replayDemo(demo: Demo): BeatReplay[] {
  const engine = createEngine(demo.scenario, { recordEvents: false });
  const log: TimedCommand[] = [];
  return demo.beats.map((beat, index) => {
    const endMs = beatEndMs(demo, index);
    engine.runUntil(beat.atMs);
    const look = lookFrom(beat, engine);
    let metWithoutCommandsAtMs: number | null = null;
    let closest: CheckResult[] = [];
    const tried = beat.expect !== null && beat.commands.length > 0;
    if (tried) {
      const control = createEngine(demo.scenario, { recordEvents: false, commands: log });
      control.runUntil(beat.atMs);
      for (let atMs = beat.atMs + lookEveryMs; atMs <= endMs + 1e-6; atMs += lookEveryMs) {
        control.runUntil(atMs);
        const results = look(control);
        closest = closest.length === 0 ? results : results.map((r, i) => closer(r, closest[i]));
        if (goalMet(results)) {
          metWithoutCommandsAtMs = atMs;
          break;
        }
      }
    }
    for (const command of beat.commands) {
      engine.apply(command);
      log.push({ atMs: beat.atMs, command });
    }
    engine.runUntil(endMs);
    const results = look(engine);
    return {
      index,
      title: beat.title,
      atMs: beat.atMs,
      endMs,
      met: beat.expect ? goalMet(results) : null,
      results,
      metWithoutCommandsAtMs,
      triedWithoutCommands: tried,
      closestWithoutCommands: closest,
    };
  });
}

/** Judges the beat's expectation on a run, counted from the beat's start as the engine stands now. */
function lookFrom(beat: DemoBeat, engine: Engine): (run: Engine) => CheckResult[] {
  const checks = beat.expect?.all ?? [];
  const atStart = engine.metrics();
  const needsSettings = checks.some((check) => check.setting !== undefined);
  return (run) =>
    evaluateGoal(checks, {
      metrics: run.metrics(),
      stepStartMs: beat.atMs,
      atStepStart: atStart.endToEnd,
      openBucketAtStart: openBucket(atStart),
      settings: needsSettings ? run.settings() : undefined,
    });
}
