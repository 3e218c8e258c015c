/**
 * Each chart's drawing in presenter view, in view units: wider than the usual 200 × 100, so the charts
 * stacked in their column keep their text large and their height low enough that three fit beside the topology on a
 * 720p screen under the header's four rows (presenter.css sets the
 * column's width, and so the scale of the text).
 */
export const presenterChartSize = { width: 300, height: 88 } as const;
