import { InputError } from '../inputError';
import { createStream, type RandomStream } from '../random';
import type { KeySpace, Popularity, Workload } from '../scenario/parts';
import { createKeySampler } from './keySampler';
import { createRateSchedule, type RateSchedule } from './rateSchedule';

/** One request of the workload, before any cache sees it. */
export interface WorkloadRequest {
  /** Arrival time, simulated milliseconds. */
  atMs: number;
  /** Index of the client (user) that sends it, in [0, clients). */
  client: number;
  /** Index of the key space in the workload's keySpaces. */
  keySpace: number;
  /** Index of the key in [0, count) of its key space (per user for per-user key spaces). */
  keyIndex: number;
  op: 'read' | 'write';
  /** The object's size: always the same for the same key. */
  sizeBytes: number;
}

/** A request to fill: the run's loop keeps one and passes it to every `next`. */
export function blankRequest(): WorkloadRequest {
  return { atMs: 0, client: 0, keySpace: 0, keyIndex: 0, op: 'read', sizeBytes: 0 };
}

/** What a `keySpace.set` command may change. */
export interface KeySpaceChanges {
  count?: number;
  popularity?: Popularity;
  writeRatio?: number;
  http?: KeySpace['http'];
}

/**
 * The open-loop workload: requests in time order, drawn from independent seeded streams so that
 * nothing a cache does changes them. Commands change it while it runs.
 *
 * Take a request only when simulated time reaches peekTimeMs(), not ahead of time: a rate change or a
 * spike may move the next arrival, and a request's key, client and operation are drawn when it is
 * taken, so that changes to key spaces and the write ratio apply from the moment of the command.
 */
export interface RequestGenerator {
  /** The key spaces as they are now (after keySpace.set commands). Read-only for callers. */
  readonly keySpaces: readonly KeySpace[];
  /** Arrival time of the next request; Infinity when none will ever come. It may move after a rate change. */
  peekTimeMs(): number;
  /**
   * Takes the next request: written into `into` and returned when given, else a new object callers
   * may keep. The run's loop passes one object for every arrival, since a new one each time was the
   * largest share of what the engine allocated per request.
   */
  next(into?: WorkloadRequest): WorkloadRequest;
  /** The size of a key, as requests for it carry it; `client` matters only for per-user key spaces. */
  sizeBytesOf(keySpace: number, keyIndex: number, client: number): number;
  /**
   * Sets the base rate in requests per second from nowMs (the engine's clock) on. The time is needed:
   * the next arrival, drawn under the old rate, is redrawn from nowMs.
   */
  setRate(ratePerSecond: number, nowMs: number): void;
  /** Sets the write ratio of key spaces that do not set their own, from the next request on. */
  setWriteRatio(writeRatio: number): void;
  /** Changes a key space by name, from the next request on. */
  setKeySpace(name: string, changes: KeySpaceChanges): void;
  /** Multiplies the rate by `multiplier` over [nowMs, nowMs + durationMs). */
  spike(nowMs: number, multiplier: number, durationMs: number): void;
}

/** 32-bit FNV-1a of a key space's name, so sizes survive adding or reordering key spaces. */
function hashName(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: every input bit moves every output bit. */
function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Checks what zod cannot: a size range that is upside down. */
function checkKeySpaces(keySpaces: readonly KeySpace[]): void {
  const problems: string[] = [];
  keySpaces.forEach((space, i) => {
    if (space.size.kind === 'uniform' && space.size.maxBytes < space.size.minBytes) {
      problems.push(
        `workload.keySpaces[${i}].size.maxBytes: expected at least minBytes (${space.size.minBytes}), got ${space.size.maxBytes}`,
      );
    }
  });
  if (problems.length > 0) throw new InputError('The workload has impossible object sizes.', problems);
}

class WorkloadGenerator implements RequestGenerator {
  readonly keySpaces: KeySpace[];
  private readonly schedule: RateSchedule;
  private readonly arrivals: RandomStream;
  private readonly keys: RandomStream;
  private readonly clientStream: RandomStream;
  private readonly ops: RandomStream;
  private readonly clients: number;
  private readonly seed: number;
  private writeRatio: number;
  private samplers: (() => number)[];
  private readonly nameHashes: number[];
  /** Cumulative key-space weights, for picking a key space. */
  private readonly cumulativeWeights: Float64Array;
  private readonly totalWeight: number;
  private pendingMs: number;
  private lastMs = 0;

  constructor(workload: Workload, seed: number) {
    checkKeySpaces(workload.keySpaces);
    this.seed = seed >>> 0;
    this.schedule = createRateSchedule(workload.ratePerSecond, workload.phases);
    this.arrivals = createStream(seed, 'arrivals');
    this.keys = createStream(seed, 'keys');
    this.clientStream = createStream(seed, 'clients');
    this.ops = createStream(seed, 'ops');
    this.clients = workload.clients;
    this.writeRatio = workload.writeRatio;
    this.keySpaces = workload.keySpaces.map((space) => ({ ...space }));
    this.samplers = this.keySpaces.map((space) => createKeySampler(space.popularity, space.count, this.keys));
    this.nameHashes = this.keySpaces.map((space) => hashName(space.name));
    this.cumulativeWeights = new Float64Array(this.keySpaces.length);
    let total = 0;
    this.keySpaces.forEach((space, i) => {
      total += space.weight;
      this.cumulativeWeights[i] = total;
    });
    this.totalWeight = total;
    this.pendingMs = this.schedule.nextArrivalMs(0, this.arrivals);
  }

  peekTimeMs(): number {
    return this.pendingMs;
  }

  next(into: WorkloadRequest = blankRequest()): WorkloadRequest {
    const atMs = this.pendingMs;
    if (atMs === Infinity)
      throw new RangeError('RequestGenerator.next: no request will ever come (the rate is 0)');
    this.lastMs = atMs;
    this.pendingMs = this.schedule.nextArrivalMs(atMs, this.arrivals);

    let keySpace = 0;
    const last = this.samplers.length - 1;
    if (last > 0) {
      const u = this.keys.next() * this.totalWeight;
      while (keySpace < last && u >= this.cumulativeWeights[keySpace]) keySpace++;
    }
    const space = this.keySpaces[keySpace];
    const keyIndex = this.samplers[keySpace]();
    const client = Math.floor(this.clientStream.next() * this.clients);
    // One draw per request whatever the ratio, so a ratio change moves nothing else.
    const isWrite = this.ops.next() < (space.writeRatio ?? this.writeRatio);
    into.atMs = atMs;
    into.client = client;
    into.keySpace = keySpace;
    into.keyIndex = keyIndex;
    into.op = isWrite ? 'write' : 'read';
    into.sizeBytes = this.sizeBytesOf(keySpace, keyIndex, client);
    return into;
  }

  sizeBytesOf(keySpace: number, keyIndex: number, client: number): number {
    const space = this.keySpaces[keySpace];
    const size = space.size;
    if (size.kind === 'fixed') return size.bytes;
    let h = mix32(this.seed ^ this.nameHashes[keySpace]);
    h = mix32(h ^ keyIndex);
    if (space.perUser) h = mix32(h ^ Math.imul(client + 1, 0x9e3779b1));
    return size.minBytes + Math.floor((h / 4294967296) * (size.maxBytes - size.minBytes + 1));
  }

  /** After a rate change from changeMs on, an arrival drawn beyond it under the old rate is redrawn. */
  private redrawAfter(changeMs: number): void {
    // No arrival fell in [lastMs, changeMs) if the pending one lies beyond changeMs; Poisson arrivals
    // are memoryless, so drawing afresh from changeMs is exact.
    if (this.pendingMs > changeMs) this.pendingMs = this.schedule.nextArrivalMs(changeMs, this.arrivals);
  }

  setRate(ratePerSecond: number, nowMs: number): void {
    this.schedule.setBaseRate(ratePerSecond);
    this.redrawAfter(Math.max(nowMs, this.lastMs));
  }

  setWriteRatio(writeRatio: number): void {
    this.writeRatio = writeRatio;
  }

  setKeySpace(name: string, changes: KeySpaceChanges): void {
    const index = this.keySpaces.findIndex((space) => space.name === name);
    if (index < 0) {
      const names = this.keySpaces.map((space) => `"${space.name}"`).join(', ');
      throw new InputError(`keySpace.set: there is no key space named "${name}"; expected one of ${names}`);
    }
    const space = this.keySpaces[index];
    const updated: KeySpace = { ...space };
    if (changes.count !== undefined) updated.count = changes.count;
    if (changes.popularity !== undefined) updated.popularity = changes.popularity;
    if (changes.writeRatio !== undefined) updated.writeRatio = changes.writeRatio;
    if (changes.http !== undefined) updated.http = changes.http;
    if (changes.count !== undefined || changes.popularity !== undefined) {
      this.samplers[index] = createKeySampler(updated.popularity, updated.count, this.keys);
    }
    this.keySpaces[index] = updated;
  }

  spike(nowMs: number, multiplier: number, durationMs: number): void {
    const startMs = Math.max(nowMs, this.lastMs);
    this.schedule.addSpike(startMs, durationMs - (startMs - nowMs), multiplier);
    this.redrawAfter(startMs);
  }
}

/**
 * Creates the workload's request generator. Arrival times, keys, clients and operations come from
 * separate streams of the seed ('arrivals', 'keys', 'clients', 'ops'); sizes come from a hash of
 * (seed, key space, key), so the same key always has the same size.
 *
 * @example
 * const workload = createRequestGenerator(scenario.workload, scenario.seed);
 * while (workload.peekTimeMs() <= untilMs) handle(workload.next());
 */
export function createRequestGenerator(workload: Workload, seed: number): RequestGenerator {
  return new WorkloadGenerator(workload, seed);
}
