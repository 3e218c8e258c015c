import fc from 'fast-check';
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
    const expected = times
      .map((t, i) => ({ t, i }))
      .sort((a, b) => a.t - b.t || a.i - b.i)
      .map((e) => e.i);
    const got: number[] = [];
    while (scheduler.size > 0) got.push(scheduler.pop()!);
    expect(got).toEqual(expected);
  });

  // The calendar queue re-files its events as their number and spacing change; whatever the mix of
  // dense bursts, ties, long gaps and far-off events, it must take them exactly as a stable sort of
  // (time, order scheduled) would, interleaved with scheduling as the engine does. An item scheduled
  // aside (the engine's next arrival) replaces the one aside before and keeps its place in that order;
  // cancelled, it never runs.
  it('takes any interleaving of scheduling and taking in exact (time, order) order', () => {
    const delay = fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 5 }),
      fc.double({ min: 0, max: 2, noNaN: true }),
      fc.double({ min: 0, max: 1e3, noNaN: true }),
      fc.double({ min: 1e6, max: 1e9, noNaN: true }),
    );
    const step = fc.oneof(
      fc.record({ take: fc.constant(false), delays: fc.array(delay, { minLength: 1, maxLength: 300 }) }),
      fc.record({ take: fc.constant(true), count: fc.integer({ min: 1, max: 400 }) }),
      fc.record({ take: fc.constant(false), aside: delay }),
      fc.record({ take: fc.constant(false), cancelAside: fc.constant(true) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const scheduler = new Scheduler<number>();
        let pending: { t: number; id: number }[] = [];
        let id = 0;
        let asideId = -1;
        for (const s of steps) {
          if ('cancelAside' in s) {
            pending = pending.filter((e) => e.id !== asideId);
            scheduler.cancelAside();
            continue;
          }
          if ('aside' in s) {
            pending = pending.filter((e) => e.id !== asideId);
            asideId = id;
            scheduler.scheduleAside(scheduler.now + s.aside, id);
            pending.push({ t: scheduler.now + s.aside, id: id++ });
            continue;
          }
          if (!s.take) {
            for (const d of s.delays) {
              scheduler.schedule(scheduler.now + d, id);
              pending.push({ t: scheduler.now + d, id: id++ });
            }
            continue;
          }
          pending.sort((a, b) => a.t - b.t || a.id - b.id);
          const expected = pending.slice(0, s.count);
          pending = pending.slice(s.count);
          for (const e of expected) {
            expect(scheduler.peekTime()).toBe(e.t);
            // The run's loop asks hasDueBy, not peekTime: it must agree on either side of the time.
            expect(scheduler.hasDueBy(e.t)).toBe(true);
            expect(scheduler.hasDueBy(e.t - 0.25)).toBe(false);
            expect(scheduler.pop()).toBe(e.id);
            expect(scheduler.now).toBe(e.t);
          }
          expect(scheduler.size).toBe(pending.length);
        }
        pending.sort((a, b) => a.t - b.t || a.id - b.id);
        for (const e of pending) expect(scheduler.pop()).toBe(e.id);
        expect(scheduler.pop()).toBeUndefined();
        expect(scheduler.peekTime()).toBe(Infinity);
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('keeps exact order through a steady load of 50,000 events with ten thousand ties', () => {
    // The engine's shape: ~1,000 pending, each taken event schedules the next hop; every fifth hop
    // has no delay (a tie with the event that made it).
    const random = createStream(3, 'test');
    const scheduler = new Scheduler<number>();
    const reference: { t: number; id: number }[] = [];
    let id = 0;
    const add = (t: number) => {
      scheduler.schedule(t, id);
      reference.push({ t, id: id++ });
    };
    for (let i = 0; i < 1000; i++) add(random.next() * 25);
    const taken: number[] = [];
    const expected: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      reference.sort((a, b) => b.t - a.t || b.id - a.id);
      expected.push(reference.pop()!.id);
      taken.push(scheduler.pop()!);
      add(i % 5 === 0 ? scheduler.now : scheduler.now + [0.5, 1, 5, 25][i % 4] * (0.8 + 0.4 * random.next()));
    }
    expect(taken).toEqual(expected);
  });

  it('refuses a time that is not a finite number, which could never run', () => {
    const scheduler = new Scheduler<string>();
    expect(() => scheduler.schedule(Infinity, 'never')).toThrow(/cannot schedule at time Infinity/);
    expect(() => scheduler.schedule(NaN, 'never')).toThrow(RangeError);
    expect(scheduler.size).toBe(0);
  });

  // The run's commands go last at their time: after every event of that moment, even one an event
  // of that moment schedules there later, so a replayed command runs where it was applied live.
  it('runs an item scheduled last after every event at its time, whenever those were scheduled', () => {
    const scheduler = new Scheduler<string>();
    scheduler.scheduleLast(5, 'command at 5');
    scheduler.scheduleLast(2, 'command at 2');
    scheduler.scheduleLast(5, 'second command at 5');
    scheduler.schedule(5, 'event at 5');
    scheduler.scheduleAside(5, 'arrival at 5');
    scheduler.schedule(1, 'event at 1');
    expect(scheduler.size).toBe(6);
    const order: string[] = [];
    for (let item = scheduler.pop(); item !== undefined; item = scheduler.pop()) {
      order.push(item);
      // An event at 5 schedules another at 5: it still comes before the commands at 5.
      if (item === 'event at 5') scheduler.schedule(5, 'follow-up at 5');
      // A command at 5 schedules an event at 5: it runs before the next command at 5.
      if (item === 'command at 5') scheduler.schedule(5, 'caused at 5');
    }
    expect(order).toEqual([
      'event at 1',
      'command at 2',
      'event at 5',
      'arrival at 5',
      'follow-up at 5',
      'command at 5',
      'caused at 5',
      'second command at 5',
    ]);
    expect(scheduler.size).toBe(0);
  });

  it('says an item is due by a time exactly when the next of events, aside and last items is', () => {
    const scheduler = new Scheduler<string>();
    expect(scheduler.hasDueBy(1e12)).toBe(false);
    scheduler.scheduleLast(30, 'command');
    scheduler.scheduleAside(20, 'arrival');
    scheduler.schedule(10, 'event');
    const dueBy = (t: number) => [scheduler.hasDueBy(t), scheduler.peekTime() <= t];
    for (const expected of ['event', 'arrival', 'command']) {
      for (const t of [9.5, 10, 19.5, 20, 29.5, 30]) {
        const [hasDue, peeked] = dueBy(t);
        expect(hasDue).toBe(peeked);
      }
      expect(scheduler.pop()).toBe(expected);
    }
    expect(scheduler.hasDueBy(1e12)).toBe(false);
  });

  it('takes an item scheduled last without moving now, and refuses one at a time that is not finite', () => {
    const scheduler = new Scheduler<string>();
    scheduler.schedule(1, 'event');
    scheduler.scheduleLast(3, 'command');
    scheduler.pop();
    expect(scheduler.peekTime()).toBe(3);
    expect(scheduler.pop()).toBe('command');
    expect(scheduler.now).toBe(1);
    expect(() => scheduler.scheduleLast(NaN, 'never')).toThrow(/cannot schedule at time NaN/);
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
