import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/engine/scheduler';
import { createStream } from '../../src/engine/random';

describe('Scheduler', () => {
  it('takes events in time order, and same-time events in the order they were scheduled', () => {
    const scheduler = new Scheduler<string>();
    scheduler.schedule(5, 'late');
    scheduler.schedule(1, 'first at 1');
    scheduler.schedule(1, 'second at 1');
    scheduler.schedule(3, 'middle');
    const order: string[] = [];
    for (let item = scheduler.pop(); item !== undefined; item = scheduler.pop()) order.push(item);
    expect(order).toEqual(['first at 1', 'second at 1', 'middle', 'late']);
    expect(scheduler.now).toBe(5);
  });

  it('orders thousands of random events like a stable sort, growing past its initial size', () => {
    const random = createStream(7, 'test');
    const scheduler = new Scheduler<number>();
    const times: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t = random.int(100);
      times.push(t);
      scheduler.schedule(t, i);
    }
    const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((e) => e.i);
    const got: number[] = [];
    while (scheduler.size > 0) got.push(scheduler.pop()!);
    expect(got).toEqual(expected);
  });

  it('never moves time backwards: an event scheduled in the past runs now', () => {
    const scheduler = new Scheduler<string>();
    scheduler.schedule(10, 'a');
    scheduler.pop();
    scheduler.schedule(2, 'b');
    expect(scheduler.peekTime()).toBe(10);
  });
});

describe('createStream', () => {
  it('gives the same sequence for the same seed and name, and different ones otherwise', () => {
    const draw = (seed: number, name: string) => {
      const stream = createStream(seed, name);
      return Array.from({ length: 5 }, () => stream.next());
    };
    expect(draw(42, 'keys')).toEqual(draw(42, 'keys'));
    expect(draw(42, 'keys')).not.toEqual(draw(43, 'keys'));
    expect(draw(42, 'keys')).not.toEqual(draw(42, 'arrivals'));
  });

  it('draws uniform numbers in [0, 1) with the right mean, and exponentials with the right mean', () => {
    const stream = createStream(1, 'test');
    let sum = 0;
    let expSum = 0;
    let min = 1;
    let max = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = stream.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      sum += u;
      expSum += stream.exponential(3);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(expSum / n).toBeGreaterThan(2.95);
    expect(expSum / n).toBeLessThan(3.05);
  });
});
