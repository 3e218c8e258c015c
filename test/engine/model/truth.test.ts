import { describe, expect, it } from 'vitest';
import { GroundTruth } from '../../../src/engine/model/truth';

/** A key written 100 times: version v acknowledged and committed at 10·v ms. */
function writtenHundredTimes(): GroundTruth {
  const truth = new GroundTruth();
  truth.ensure(8);
  for (let v = 1; v <= 100; v++) {
    truth.acknowledge(3, v, 10 * v);
    truth.commit(3, v, 10 * v);
  }
  return truth;
}

// The truth keeps the newest 64 versions of each key's history (trimming them in batches, not on
// every write): staleness and replica reads must see exactly that window, however long the history.
describe('GroundTruth history', () => {
  it('measures staleness from the write that made the served version old', () => {
    const truth = writtenHundredTimes();
    expect(truth.stalenessMs(3, 100, 2000)).toBe(0);
    expect(truth.stalenessMs(3, 99, 2000)).toBe(1000); // version 100 came at 1,000 ms
    expect(truth.stalenessMs(3, 50, 2000)).toBe(1490); // version 51 came at 510 ms
    // Older than the kept window (versions 37 to 100): measured from the oldest kept write.
    expect(truth.stalenessMs(3, 10, 2000)).toBe(1630);
  });

  it('gives a lagging replica the version committed before its lag, back to the kept window', () => {
    const truth = writtenHundredTimes();
    expect(truth.replicaVersion(3, 2000, 0)).toBe(100);
    expect(truth.replicaVersion(3, 2000, 1500)).toBe(50);
    expect(truth.replicaVersion(3, 2000, 1700)).toBe(36);
    expect(truth.replicaVersion(5, 2000, 1700)).toBe(0); // a key never written
  });
});
