/** Which file of a run. */
export type ExportKind = 'summary' | 'timeseries' | 'events' | 'run';

/**
 * The download name of a run's file, saying preset (or scenario name) and seed, such as
 * `cachescope-flash-sale-seed42-summary.csv`.
 */
export function exportFileName(
  run: { preset: string | null; scenarioName: string; seed: number },
  kind: ExportKind,
) {
  const slug =
    (run.preset ?? run.scenarioName)
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'run';
  const extension = kind === 'run' ? 'json' : 'csv';
  return `cachescope-${slug}-seed${run.seed}-${kind}.${extension}`;
}
