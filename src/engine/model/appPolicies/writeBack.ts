import type { CacheEntry, CacheInstance } from '../cache/cacheInstance';
import type { Model } from '../model';
import { message, type Message } from '../messages';
import { TaskKind, type Request } from '../request';
import { finish, moveTo, startAt } from '../journey/moves';
import { Stage } from '../journey/stages';

/**
 * Write-back (write-behind): the cache acknowledges a write and flushes it to the database later.
 * A node that crashes before its flush loses the write, and the truth falls back to what survived.
 */
export class WriteBack {
  /** The flush due for each cache key with unflushed writes. */
  private readonly flushes = new Map<number, Message>();
  /** Versions of flushes on their way to the database, per data key. */
  private readonly inFlightFlushes = new Map<number, number>();

  /** A write-back write was stored: its key flushes after the flush delay (one flush per key at a time). */
  schedule(m: Model, key: number, req: Request): void {
    if (this.flushes.has(key)) return;
    const msg = message(TaskKind.Flush, { cacheKey: key, dataKey: req.dataKey, sizeBytes: req.sizeBytes });
    this.flushes.set(key, msg);
    m.scheduler.schedule(m.clock.nowMs + m.config.policies.writeBackFlushMs, msg);
  }

  /** A flush falls due: every node holding unflushed writes of the key sends them to the database. */
  due(m: Model, msg: Message): void {
    if (this.flushes.get(msg.cacheKey) !== msg) return; // cancelled by a crash, or sent early
    this.flushes.delete(msg.cacheKey);
    // Even a node the ring has since moved the key away from sends what it holds.
    for (const node of m.cluster.nodes) {
      const entry = node.up ? node.peek(msg.cacheKey) : undefined;
      if (entry !== undefined && entry.dirtyWrites > 0) this.flushNow(m, node, msg.cacheKey, entry);
    }
  }

  /** Sends an entry's unflushed writes to the database now (due, or evicted while dirty). */
  flushNow(m: Model, instance: CacheInstance, key: number, entry: CacheEntry): void {
    if (instance.tier !== 'distributed') return;
    const version = entry.version;
    for (const n of m.cluster.nodes) {
      const copy = n.peek(key);
      if (copy !== undefined && copy.version <= version) copy.dirtyWrites = 0;
    }
    const flush = m.requests.take();
    flush.op = 'write';
    flush.dataKey = entry.dataKey;
    flush.sizeBytes = entry.sizeBytes;
    flush.version = version;
    flush.issuedAtMs = m.clock.nowMs;
    flush.isFlush = true;
    this.flushes.delete(key);
    this.inFlightFlushes.set(entry.dataKey, Math.max(this.inFlightFlushes.get(entry.dataKey) ?? 0, version));
    const now = m.clock.nowMs;
    const appToDatabaseMs = m.settings.appToDatabaseMs;
    if (m.sink.on)
      m.sink.emit({
        type: 'hop',
        t: now,
        req: flush.id,
        from: instance.node,
        to: 'db',
        arriveMs: now + appToDatabaseMs,
      });
    startAt(m, flush, Stage.CacheNode);
    moveTo(m, flush, Stage.Database);
    m.scheduler.schedule(now + m.network.hopMs(appToDatabaseMs), flush);
  }

  /** The database committed a flush: the truth is durable up to its version. */
  committed(m: Model, req: Request): void {
    const now = m.clock.nowMs;
    m.truth.commit(req.dataKey, req.version, now);
    if (this.inFlightFlushes.get(req.dataKey) === req.version) this.inFlightFlushes.delete(req.dataKey);
    if (m.sink.on)
      m.sink.emit({
        type: 'writeback.flush',
        t: now,
        key: m.keys.name(req.dataKey),
        version: req.version,
        node: 'db',
      });
    finish(m, req);
  }

  /** A node crashed holding unflushed writes: those no other live copy holds are lost. */
  crashed(m: Model, index: number, dirty: { key: number; entry: CacheEntry }[]): void {
    const now = m.clock.nowMs;
    const node = m.cluster.nodes[index];
    for (const { key, entry } of dirty) {
      if (m.cluster.dirtyElsewhere(index, key)) continue;
      m.metrics.lostWrites += entry.dirtyWrites;
      if (m.sink.on)
        m.sink.emit({
          type: 'write.lost',
          t: now,
          key: m.keys.name(entry.dataKey),
          version: entry.version,
          node: node.id,
        });
      this.flushes.delete(key);
      const surviving = Math.max(
        m.truth.committedVersion(entry.dataKey),
        this.inFlightFlushes.get(entry.dataKey) ?? 0,
      );
      if (m.truth.version(entry.dataKey) > surviving) m.truth.acknowledge(entry.dataKey, surviving, now);
    }
  }
}
