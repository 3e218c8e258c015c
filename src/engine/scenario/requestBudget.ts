import type { TimedCommand } from './commandSchema';
import type { Scenario } from './schema';

/** More requests than this in one run is a mistake (hours of simulation, gigabytes of metrics). */
export const maxExpectedRequests = 200_000_000;

/**
 * About how many requests a run issues: the base rate over the duration, times the multipliers of
 * the phases and traffic spikes in force at each moment (overlapping ones multiply, as in the
 * workload's rate schedule). The scenario's faults and `commands` (a command log to run with it)
 * may change the base rate and add spikes.
 */
export function expectedRequests(scenario: Scenario, commands: readonly TimedCommand[] = []): number {
  const { durationMs } = scenario;
  const windows = scenario.workload.phases.map((phase) => ({
    startMs: phase.startMs,
    endMs: phase.endMs,
    multiplier: phase.rateMultiplier,
  }));
  const rateChanges: { atMs: number; rate: number }[] = [];
  for (const { atMs, command } of [...scenario.faults, ...commands]) {
    if (command.type === 'traffic.spike') {
      windows.push({ startMs: atMs, endMs: atMs + command.durationMs, multiplier: command.multiplier });
    } else if (command.type === 'workload.set' && command.changes.ratePerSecond !== undefined) {
      rateChanges.push({ atMs, rate: command.changes.ratePerSecond });
    }
  }
  rateChanges.sort((a, b) => a.atMs - b.atMs);
  const baseRateAt = (ms: number) => {
    let rate = scenario.workload.ratePerSecond;
    for (const change of rateChanges) if (change.atMs <= ms) rate = change.rate;
    return rate;
  };
  const cuts = new Set<number>([0, durationMs]);
  for (const change of rateChanges) cuts.add(Math.min(Math.max(change.atMs, 0), durationMs));
  for (const span of windows) {
    cuts.add(Math.min(Math.max(span.startMs, 0), durationMs));
    cuts.add(Math.min(Math.max(span.endMs, 0), durationMs));
  }
  const times = [...cuts].sort((a, b) => a - b);
  let total = 0;
  for (let i = 1; i < times.length; i++) {
    let multiplier = 1;
    for (const window of windows) {
      if (window.startMs <= times[i - 1] && window.endMs >= times[i]) multiplier *= window.multiplier;
    }
    total += (baseRateAt(times[i - 1]) * multiplier * (times[i] - times[i - 1])) / 1000;
  }
  return total;
}
