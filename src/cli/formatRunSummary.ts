import { missCauses } from '../engine/events';
import { formatCount as count, formatPercent as percent } from '../engine/format/readableNumbers';
import type { LatencySummary, MetricsReport } from '../engine/metrics/types';
import type { Scenario } from '../engine/scenario/schema';

/**
 * The readable summary `npm run sim` prints after a scenario run: per-tier hit ratios and misses by
 * cause, then what users saw (stale reads, latency) and what the database and the failures did.
 */
export function formatRunSummary(scenario: Scenario, source: string, report: MetricsReport): string {
  const e = report.endToEnd;
  const lines: string[] = [];
  lines.push(`${scenario.name} (${source}), seed ${scenario.seed}, ${seconds(report.nowMs)} simulated`);
  lines.push(
    `Requests: ${count(e.requests)} (${count(e.reads)} reads, ${count(e.writes)} writes), ` +
      `${count(e.completed)} completed, ${count(e.failed)} failed`,
  );
  lines.push('');

  // A tier switched off during the run still shows what it did while it was on.
  const tiers = report.tiers.filter((tier) => tier.enabled || tier.lookups > 0);
  if (tiers.length === 0) lines.push('Cache tiers: none enabled');
  else {
    const header = [
      'tier',
      'hit ratio',
      'lookups',
      'hits',
      ...missCauses.map((cause) => `${cause} miss`),
      'stale hits',
    ];
    const rows = tiers.map((tier) => [
      tier.enabled ? tier.tier : `${tier.tier} (off now)`,
      percent(tier.hitRatio),
      count(tier.lookups),
      count(tier.hits),
      ...missCauses.map((cause) => count(tier.missesByCause[cause])),
      count(tier.staleHits),
    ]);
    lines.push('Cache tiers (all instances of a tier together)');
    lines.push(...table(header, rows).map((line) => `  ${line}`));
  }
  lines.push('');

  lines.push('What users saw');
  lines.push(`  reads answered by a cache: ${percent(e.cacheHitRatio)}`);
  lines.push(
    `  stale reads: ${count(e.staleReads)}` +
      (e.staleReads > 0 ? ` (staleness mean ${ms(e.meanStalenessMs)}, max ${ms(e.maxStalenessMs)})` : ''),
  );
  lines.push(`  latency, all requests: ${latency(e.latency)}`);
  lines.push(`  latency, reads:        ${latency(e.readLatency)}`);
  lines.push(`  latency, writes:       ${latency(e.writeLatency)}`);
  lines.push('');
  lines.push('Database');
  lines.push(
    `  ${count(e.databaseReads)} reads, ${count(e.databaseWrites)} writes, peak queue ${count(e.databaseQueueMax)}`,
  );
  lines.push('');
  lines.push('Failures');
  lines.push(`  lost writes (write-back data destroyed before its flush): ${count(e.lostWrites)}`);
  lines.push(`  leaks (a user served another user's data): ${count(e.leaks)}`);
  lines.push(`  logged-out users (sessions lost with a cache node): ${count(e.loggedOut)}`);
  return lines.join('\n') + '\n';
}

function latency(summary: LatencySummary): string {
  if (summary.count === 0) return 'no requests';
  return `p50 ${ms(summary.p50Ms)}, p95 ${ms(summary.p95Ms)}, p99 ${ms(summary.p99Ms)}, max ${ms(summary.maxMs)}`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), ...rows.map(line)];
}

function ms(value: number): string {
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
}

function seconds(valueMs: number): string {
  return `${(valueMs / 1000).toLocaleString('en-US', { maximumFractionDigits: 3 })} s`;
}
