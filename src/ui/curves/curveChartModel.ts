import { formatPercentTick } from '../../engine/format/readableNumbers';
import type { PolicyName } from '../../engine/policies/names';
import type { MissRatioCurve } from '../../engine/replay/missRatioCurve';
import { seriesColours } from '../views/lib/palette';
import { wantsLogAxis, type XYChartModel, type XYSeries } from '../views/lib/xyChartModel';

/** What each model line is called in the legend: the model, and the policy it predicts. */
const modelLabels: Record<string, string> = {
  'che-lru': "Che's model of LRU",
  'king-gelenbe-fifo-random': 'King–Gelenbe model of FIFO/Random',
  'fifo-random-approximation': 'model of FIFO/Random (approximate)',
};

/**
 * A miss-ratio curve as a chart: a solid line per policy (OPT among them when asked: the floor), and a
 * dashed line per analytic model in the colour of the policy it predicts.
 */
export function curveChartModel(
  curve: MissRatioCurve,
  policies: readonly PolicyName[],
  source: string,
): XYChartModel {
  const colourOf = (policy: PolicyName) => seriesColours[policies.indexOf(policy) % seriesColours.length];
  const simulated: XYSeries[] = policies.map((policy) => ({
    name: policy === 'opt' ? "opt (Belady's, the floor)" : policy,
    colour: colourOf(policy),
    dashed: false,
    points: curve.points.filter((p) => p.policy === policy).map((p) => ({ x: p.capacity, y: p.missRatio })),
  }));
  const models: XYSeries[] = [...new Set(curve.models.map((m) => m.model))].map((model) => {
    const points = curve.models.filter((m) => m.model === model);
    return {
      name: modelLabels[model] ?? model,
      colour: colourOf(points[0].policies[0]),
      dashed: true,
      points: points.map((m) => ({ x: m.capacity, y: m.missRatio })),
    };
  });
  const capacities = curve.points.map((p) => p.capacity);
  return {
    title: 'Miss-ratio curve',
    source: `${source} · ${curve.requests.toLocaleString('en-US')} requests, ${curve.distinctKeys.toLocaleString('en-US')} keys · Cachescope`,
    xLabel: `Cache size (${curve.unit}${wantsLogAxis(capacities) ? ', log scale' : ''})`,
    yLabel: 'Miss ratio',
    xLog: wantsLogAxis(capacities),
    formatX: (x) => x.toLocaleString('en-US'),
    formatY: formatPercentTick,
    yDomain: [0, 1],
    series: [...simulated, ...models],
  };
}
