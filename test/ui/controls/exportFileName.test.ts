import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../src/ui/export/fileName';

describe('export file names', () => {
  it('say the preset and the seed', () => {
    const run = { preset: 'flash-sale', scenarioName: 'Flash sale', seed: 42 };
    expect(exportFileName(run, 'summary')).toBe('cachescope-flash-sale-seed42-summary.csv');
    expect(exportFileName(run, 'timeseries')).toBe('cachescope-flash-sale-seed42-timeseries.csv');
    expect(exportFileName(run, 'run')).toBe('cachescope-flash-sale-seed42-run.json');
  });

  it('fall back to a safe form of the scenario name for a custom run', () => {
    const run = { preset: null, scenarioName: 'Café: TTL / 2', seed: 7 };
    expect(exportFileName(run, 'events')).toBe('cachescope-cafe-ttl-2-seed7-events.csv');
  });
});
