/**
 * A larger one-off comparison of redis-lru and redis-lfu with a real redis-server than the test
 * runs (test/engine/replay/redisServer.test.ts): two traces, three settings, full rate and about
 * 1,000 requests/s, each run `--repeats` times, printed as a Markdown table with each setting's
 * mean difference. It takes a few minutes per repeat.
 *
 *   npx tsx test/support/compareRedis.ts [--repeats N] [--requests N] [--slow-requests N]
 */
import { parseArgs } from 'node:util';
import { findRedisServer } from './redisServer';
import { compareWithRedis, type Comparison, type RunSettings, type TraceShape } from './redisComparison';

const { values } = parseArgs({
  options: {
    repeats: { type: 'string', default: '2' },
    requests: { type: 'string', default: '250000' },
    'slow-requests': { type: 'string', default: '25000' },
  },
});
const repeats = Number(values.repeats);
const binary = findRedisServer();
if (binary === null) {
  console.error('compareRedis: redis-server was not found on PATH');
  process.exit(2);
}

const traces: TraceShape[] = [
  { name: 'zipf 0.9', keys: 20_000, alpha: 0.9, oneTimeShare: 0, requests: 0, seed: 81 },
  { name: 'zipf 0.8 + 10% one-time', keys: 20_000, alpha: 0.8, oneTimeShare: 0.1, requests: 0, seed: 82 },
];
const settings = [
  { policy: 'redis-lru', samples: 5 },
  { policy: 'redis-lru', samples: 10 },
  { policy: 'redis-lfu', samples: 5 },
] as const;

const rows: Comparison[] = [];
const points = (row: Comparison) => (row.modelMissRatio - row.redisMissRatio) * 100;
const format = (r: Comparison) =>
  `| ${r.trace} | ${r.policy} | ${r.samples} | ` +
  `${Number.isFinite(r.requestsPerSecond) ? '1000' : 'full'} (${Math.round(r.achievedPerSecond).toLocaleString('en-US')}/s) | ` +
  `${r.capacity} | ${r.redisMissRatio.toFixed(4)} | ${r.modelMissRatio.toFixed(4)} | ` +
  `${points(r) >= 0 ? '+' : ''}${points(r).toFixed(2)} |`;

console.log('| trace | policy | samples | rate | keys held | Redis | model | model − Redis (points) |');
console.log('|---|---|---|---|---|---|---|---|');
for (let repeat = 0; repeat < repeats; repeat++) {
  for (const shape of traces) {
    for (const setting of settings) {
      const run: RunSettings = {
        shape: { ...shape, requests: Number(values.requests) },
        ...setting,
        requestsPerSecond: Infinity,
        capacity: 1848,
      };
      const row = await compareWithRedis(binary, run);
      rows.push(row);
      console.log(format(row));
    }
  }
  // The paced runs mostly wait: all six side by side.
  const paced = traces.flatMap((shape) =>
    settings.map((setting): RunSettings => ({
      shape: { ...shape, requests: Number(values['slow-requests']) },
      ...setting,
      requestsPerSecond: 1000,
      capacity: 1848,
    })),
  );
  for (const row of await Promise.all(paced.map((run) => compareWithRedis(binary, run)))) {
    rows.push(row);
    console.log(format(row));
  }
}

const differences = rows.map(points);
const mean = differences.reduce((sum, d) => sum + d, 0) / differences.length;
const within = differences.filter((d) => Math.abs(d) <= 0.15).length;
console.log(
  `\n${rows.length} runs: mean difference ${mean.toFixed(3)} points, ${within} within 0.15, ` +
    `${differences.filter((d) => d > 0).length} above and ${differences.filter((d) => d < 0).length} below, ` +
    `largest ${Math.max(...differences.map(Math.abs)).toFixed(2)}`,
);
