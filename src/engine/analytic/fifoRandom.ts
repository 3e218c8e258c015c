import { characteristicTime, hitRatioAt } from './characteristicTime';

/** log(e^a + e^b) without overflow or underflow. */
function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * The exact steady-state miss ratio of FIFO and of Random under the independent reference model
 * (King 1971; Gelenbe 1973: the two are equal): (C+1)·e_{C+1}(p) / e_C(p), e_k the k-th elementary
 * symmetric polynomial of the popularities. e_200 of a thousand probabilities is far below the smallest
 * double, so the recurrence e_k ← e_k + p_i·e_{k−1} runs on logarithms. It costs keys × capacity steps:
 * `fifoRandomMissRatio` falls back to the approximation beyond a budget.
 */
export function kingGelenbeMissRatio(popularity: ArrayLike<number>, capacity: number): number {
  const n = popularity.length;
  if (capacity >= n) return 0;
  const top = capacity + 1;
  const logE = new Float64Array(top + 1).fill(-Infinity);
  logE[0] = 0;
  for (let i = 0; i < n; i++) {
    if (!(popularity[i] > 0)) continue;
    const logP = Math.log(popularity[i]);
    for (let k = Math.min(i + 1, top); k >= 1; k--) logE[k] = logAddExp(logE[k], logP + logE[k - 1]);
  }
  if (logE[top] === -Infinity) return 0;
  return (capacity + 1) * Math.exp(logE[top] - logE[capacity]);
}

/** Under FIFO and Random a key of popularity p is held with probability pT/(1 + pT). */
const fifoOccupancy = (p: number, t: number) => (p * t) / (1 + p * t);

/** The FIFO/Random approximation (within 0.002 of the exact result on Zipf workloads), for large key sets. */
export function fifoRandomApproximateMissRatio(popularity: ArrayLike<number>, capacity: number): number {
  const t = characteristicTime(popularity, capacity, fifoOccupancy);
  if (t === Infinity) return 0;
  return 1 - hitRatioAt(popularity, t, fifoOccupancy);
}

/** Steps of the exact recurrence allowed before the approximation is used instead (about a second). */
const exactBudget = 50_000_000;

/**
 * The steady-state miss ratio of FIFO and Random under the independent reference model: exact where it
 * is affordable, the approximation otherwise, and which one it was.
 */
export function fifoRandomMissRatio(
  popularity: ArrayLike<number>,
  capacity: number,
): { missRatio: number; exact: boolean } {
  if (popularity.length * (capacity + 1) <= exactBudget) {
    return { missRatio: kingGelenbeMissRatio(popularity, capacity), exact: true };
  }
  return { missRatio: fifoRandomApproximateMissRatio(popularity, capacity), exact: false };
}
