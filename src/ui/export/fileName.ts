import type { ExportFile } from '../../worker/protocol';

/** Which file of a run. */
export type ExportKind = ExportFile;

/**
 * The download name of a run's file, saying preset (or scenario name), seed and the simulated
 * moment it describes (files taken mid-run differ), such as
 * `cachescope-flash-sale-seed42-at12.5s-summary-tiers.csv`.
 */
export function exportFileName(
  run: { preset: string | null; scenarioName: string; seed: number },
  kind: ExportKind,
  atMs: number,
) {
  const slug =
    (run.preset ?? run.scenarioName)
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'run';
  const extension = kind === 'run' ? 'json' : 'csv';
  // Whole milliseconds at most: 12.5s, 60s, 0.001s.
  const seconds = Math.round(Math.max(0, atMs)) / 1000;
  return `cachescope-${slug}-seed${run.seed}-at${seconds}s-${kind}.${extension}`;
}
