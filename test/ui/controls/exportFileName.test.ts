import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../src/ui/export/fileName';

describe('export file names', () => {
  it('say the preset, the seed and the moment of the run they describe', () => {
    const run = { preset: 'flash-sale', scenarioName: 'Flash sale', seed: 42 };
    expect(exportFileName(run, 'summary-tiers', 12_500)).toBe(
      'cachescope-flash-sale-seed42-at12.5s-summary-tiers.csv',
    );
    expect(exportFileName(run, 'timeseries', 60_000)).toBe(
      'cachescope-flash-sale-seed42-at60s-timeseries.csv',
    );
    expect(exportFileName(run, 'run', 1234.5678)).toBe('cachescope-flash-sale-seed42-at1.235s-run.json');
  });

  it('fall back to a safe form of the scenario name for a custom run', () => {
    const run = { preset: null, scenarioName: 'Café: TTL / 2', seed: 7 };
    expect(exportFileName(run, 'events', 0)).toBe('cachescope-cafe-ttl-2-seed7-at0s-events.csv');
  });
});
